package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.List;

import org.clinictracker.followups.protocol.Protocol;
import org.clinictracker.followups.protocol.ProtocolVisit;

/**
 * Turns a protocol into a patient's visits. Every visit of the protocol is scheduled, also for a procedure entered
 * late: a visit whose window closed before the plan was made is overdue rather than missed, and stays documentable
 * for {@code lateEntryGraceDays} after the plan's day (the patient was never called; calling them is the job).
 */
public final class FollowUpPlanner {

    private final int lateEntryGraceDays;

    public FollowUpPlanner(int lateEntryGraceDays) {
        if (lateEntryGraceDays < 0) {
            throw new IllegalArgumentException("late-entry grace must not be negative");
        }
        this.lateEntryGraceDays = lateEntryGraceDays;
    }

    /** The visits of {@code protocol} for a procedure performed on {@code performedOn}, planned on {@code today}. */
    public List<ScheduledVisit> visits(Protocol protocol, LocalDate performedOn, LocalDate today) {
        return protocol.visits().stream().map(visit -> schedule(visit, performedOn, today)).toList();
    }

    /** One visit counted from {@code performedOn}; also used when an amendment moves the procedure's day. */
    public ScheduledVisit schedule(ProtocolVisit visit, LocalDate performedOn, LocalDate today) {
        return around(visit.label(), visit.offsetDays(), performedOn.plusDays(visit.offsetDays()),
                visit.windowBeforeDays(), visit.windowAfterDays(), today);
    }

    /** A visit due on {@code dueOn} with the given window widths, as seen on {@code today}. */
    public ScheduledVisit around(String label, int offsetDays, LocalDate dueOn, int windowBeforeDays,
            int windowAfterDays, LocalDate today) {
        LocalDate windowEnd = dueOn.plusDays(windowAfterDays);
        LocalDate lastDay = windowEnd.isBefore(today) ? today.plusDays(lateEntryGraceDays) : windowEnd;
        return new ScheduledVisit(label, offsetDays, dueOn, dueOn.minusDays(windowBeforeDays), windowEnd, lastDay);
    }
}
