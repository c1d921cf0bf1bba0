package org.clinictracker.followups.repeat;

/** Where a repeat-treatment candidate stands. */
public enum RepeatStatus {
    /** Waning relief recommended a repeat; nobody has acted yet. */
    OPEN,
    /** A coordinator booked the consult. */
    CONSULT_BOOKED,
    /** A coordinator decided against a repeat, with a reason. */
    DISMISSED,
    /** The repeat procedure was recorded. */
    REPEATED;

    /** An open candidate gets its consult booked or is dismissed; a booked one may still be dismissed; no other. */
    boolean allows(DecisionAction action) {
        return this == OPEN || this == CONSULT_BOOKED && action == DecisionAction.DISMISSED;
    }
}
