package org.clinictracker.procedures.adverse;

/** Who put a complication on the procedure's record. */
public enum AdverseEventSource {
    /** A proceduralist, with the case or later ({@code POST /api/procedures/{id}/adverse-events}). */
    PROCEDURALIST,
    /** A coordinator at a follow-up visit, through followup-service's {@code AdverseEventObserved}. */
    FOLLOW_UP
}
