package org.clinictracker.followups.patientlink;

/**
 * How links reach patients: e-mail today, SMS later as another implementation.
 */
public interface PatientMessages {

    /** Whether a message can be sent at all (e.g. an SMTP server is configured). */
    boolean canSend();

    /** Sends the message now; throws {@link MessageNotSent} when the server refuses it or cannot be reached. */
    void send(PatientLinkMessage message);

    /** The message did not leave: the server refused it or was not reachable. */
    class MessageNotSent extends RuntimeException {

        public MessageNotSent(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
