package org.clinictracker.followups.worklist;

import java.time.Instant;

/**
 * Where a visit's link to the patient's questions stands, as a worklist row shows it: the visit's latest link (the
 * one no newer link replaced), so a coordinator sees whether to call. Times are null until they happened.
 *
 * @param expiresAt the end of the visit's last day in the clinic's zone; after it the link opens nothing
 */
public record PatientLinkState(State state, Instant sentAt, Instant openedAt, Instant answeredAt, Instant expiresAt) {

    /** The link's state, most final first: what a coordinator can still expect from it. */
    public enum State {
        /** Handed over in the clinic (a tablet in the waiting room), not opened yet. */
        ISSUED,
        /** E-mailed to the patient, not opened yet. */
        SENT,
        /** The e-mail could not be sent: the patient never got it (the link was withdrawn). Call them. */
        SEND_FAILED,
        /** The patient opened the page and has not answered yet. */
        OPENED,
        /** The patient answered; the visit's outcome is theirs. */
        ANSWERED,
        /** Past its expiry or withdrawn unanswered (e.g. the clinic documented the visit meanwhile). */
        EXPIRED
    }

    /**
     * The state of a stored link at {@code now}. An answer outranks everything (it is the outcome on record); a
     * failed send outranks expiry, as it says the patient never had the link.
     */
    static State stateOf(Instant sentAt, Instant sendFailedAt, Instant openedAt, Instant answeredAt, Instant revokedAt,
            Instant expiresAt, Instant now) {
        if (answeredAt != null) {
            return State.ANSWERED;
        }
        if (sendFailedAt != null) {
            return State.SEND_FAILED;
        }
        if (revokedAt != null || !now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        if (openedAt != null) {
            return State.OPENED;
        }
        return sentAt != null ? State.SENT : State.ISSUED;
    }
}
