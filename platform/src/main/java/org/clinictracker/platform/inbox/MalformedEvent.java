package org.clinictracker.platform.inbox;

/**
 * A consumed message that can never be applied, however often it is retried: not JSON, or not a valid
 * event. It goes straight to the dead-letter topic. The message names the offending field, never its
 * value, because values are patient data and this text ends up in logs and dead-letter headers.
 */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }
}
