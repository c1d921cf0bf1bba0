package org.clinictracker.procedures.patient;

import org.clinictracker.platform.inbox.MalformedEvent;

/**
 * A message on the patients topic that can never be applied, however often it is retried: not JSON, or
 * not a valid event. It goes straight to the dead-letter topic. The message names the offending field,
 * never its value, because values are patient data and this text ends up in logs and DLT headers.
 */
public class MalformedPatientEvent extends MalformedEvent {

    public MalformedPatientEvent(String message) {
        super(message);
    }
}
