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
    REPEATED
}
