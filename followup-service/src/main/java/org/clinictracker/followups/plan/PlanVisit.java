package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A visit of a plan as an amendment sees it.
 *
 * @param kind  {@code PROTOCOL} or {@code SAFETY_CHECK}
 * @param state the stored state: {@code OPEN}, {@code COMPLETED}, {@code MISSED} or {@code CANCELLED}
 */
record PlanVisit(UUID id, String label, String kind, String state, Integer offsetDays, LocalDate dueOn,
        LocalDate windowStart, LocalDate windowEnd, LocalDate lastDay, int rescheduledCount) {

    static final String PROTOCOL = "PROTOCOL";
    static final String SAFETY_CHECK = "SAFETY_CHECK";

    boolean open() {
        return "OPEN".equals(state);
    }

    boolean protocol() {
        return PROTOCOL.equals(kind);
    }

    boolean sameDates(ScheduledVisit to) {
        return dueOn.equals(to.dueOn()) && windowStart.equals(to.windowStart()) && windowEnd.equals(to.windowEnd())
                && lastDay.equals(to.lastDay());
    }
}
