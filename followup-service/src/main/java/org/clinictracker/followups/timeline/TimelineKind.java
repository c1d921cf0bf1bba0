package org.clinictracker.followups.timeline;

/** What a timeline entry is; on one day, entries come in this order (the procedure, then what followed from it). */
public enum TimelineKind {
    PROCEDURE,
    PLAN,
    ADVERSE_EVENT,
    VISIT,
    OUTCOME,
    RESCHEDULE,
    REPEAT_CANDIDATE
}
