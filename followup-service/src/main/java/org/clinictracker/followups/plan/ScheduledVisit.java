package org.clinictracker.followups.plan;

import java.time.LocalDate;

/**
 * A visit the planner scheduled: due {@code offsetDays} after the procedure, open from {@code windowStart} to
 * {@code windowEnd}; {@code lastDay} is the last day an outcome is on time (see {@link FollowUpPlanner}).
 */
public record ScheduledVisit(String label, int offsetDays, LocalDate dueOn, LocalDate windowStart, LocalDate windowEnd,
        LocalDate lastDay) {
}
