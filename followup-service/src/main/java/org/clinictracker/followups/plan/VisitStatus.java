package org.clinictracker.followups.plan;

import java.time.LocalDate;

/**
 * A visit's status as the API shows it. The database keeps only what happened ({@code OPEN}, {@code COMPLETED},
 * {@code MISSED}, {@code CANCELLED}); whether an open visit is scheduled, due or overdue depends on the day it is
 * looked at, so it is derived here rather than stored and kept up to date by a job.
 */
public enum VisitStatus {
    /** Open, its window not yet started. */
    SCHEDULED,
    /** Open, from the window's first day to the due day. */
    DUE,
    /** Open, past the due day (still documentable until it is marked missed). */
    OVERDUE,
    MISSED,
    COMPLETED,
    CANCELLED;

    /** The status of a visit in stored {@code state} on {@code today}. */
    public static VisitStatus of(String state, LocalDate windowStart, LocalDate dueOn, LocalDate today) {
        return switch (state) {
            case "OPEN" -> today.isBefore(windowStart) ? SCHEDULED : today.isAfter(dueOn) ? OVERDUE : DUE;
            case "COMPLETED" -> COMPLETED;
            case "MISSED" -> MISSED;
            case "CANCELLED" -> CANCELLED;
            default -> throw new IllegalArgumentException("Unknown visit state " + state);
        };
    }
}
