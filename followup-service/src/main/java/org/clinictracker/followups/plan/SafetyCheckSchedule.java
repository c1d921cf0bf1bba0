package org.clinictracker.followups.plan;

import java.time.LocalDate;

/**
 * When the early check after a serious complication is due: the day after the clinic learnt it was serious,
 * and never before the day after the procedure (a complication cannot be checked before it could occur).
 * The window is that day and the two after it; a check whose window already closed when it is planned (a
 * procedure entered late) gets the planner's late-entry grace like any other past visit, so it shows as
 * overdue instead of being missed on the spot.
 */
final class SafetyCheckSchedule {

    static final int WINDOW_BEFORE_DAYS = 0;
    static final int WINDOW_AFTER_DAYS = 2;

    private SafetyCheckSchedule() {
    }

    /** The label of a plan's {@code n}-th safety check (1-based): labels are unique per plan. */
    static String label(int n) {
        return PlanVisit.SAFETY_CHECK + "_" + n;
    }

    static LocalDate dueOn(LocalDate seriousOn, LocalDate performedOn) {
        LocalDate afterReport = seriousOn.plusDays(1);
        LocalDate afterProcedure = performedOn.plusDays(1);
        return afterReport.isBefore(afterProcedure) ? afterProcedure : afterReport;
    }

    static ScheduledVisit schedule(FollowUpPlanner planner, String label, LocalDate dueOn, LocalDate today) {
        return planner.around(label, 0, dueOn, WINDOW_BEFORE_DAYS, WINDOW_AFTER_DAYS, today);
    }
}
