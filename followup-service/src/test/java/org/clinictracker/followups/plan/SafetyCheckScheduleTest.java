package org.clinictracker.followups.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** When the early check after a serious complication is due. */
class SafetyCheckScheduleTest {

    private static final FollowUpPlanner PLANNER = new FollowUpPlanner(14);
    private static final LocalDate PERFORMED = LocalDate.of(2026, 10, 1);

    @Test
    void it_is_due_the_day_after_the_complication_was_reported_serious() {
        assertThat(SafetyCheckSchedule.dueOn(PERFORMED.plusDays(4), PERFORMED)).isEqualTo(PERFORMED.plusDays(5));
    }

    @Test
    void never_before_the_day_after_the_procedure() {
        assertThat(SafetyCheckSchedule.dueOn(PERFORMED, PERFORMED)).isEqualTo(PERFORMED.plusDays(1));
        assertThat(SafetyCheckSchedule.dueOn(PERFORMED.minusDays(3), PERFORMED)).isEqualTo(PERFORMED.plusDays(1));
        assertThat(SafetyCheckSchedule.dueOn(PERFORMED.plusDays(1), PERFORMED)).isEqualTo(PERFORMED.plusDays(2));
    }

    @Test
    void its_window_is_the_due_day_and_two_after_and_that_is_its_last_day() {
        LocalDate due = PERFORMED.plusDays(5);
        ScheduledVisit check = SafetyCheckSchedule.schedule(PLANNER, "SAFETY_CHECK_1", due, PERFORMED.plusDays(4));

        assertThat(check).isEqualTo(new ScheduledVisit("SAFETY_CHECK_1", 0, due, due, due.plusDays(2), due.plusDays(2)));
    }

    @Test
    void on_its_last_day_it_is_still_on_time_and_after_that_a_late_plan_gives_the_grace() {
        LocalDate due = PERFORMED.plusDays(5);
        assertThat(SafetyCheckSchedule.schedule(PLANNER, "SAFETY_CHECK_1", due, due.plusDays(2)).lastDay())
                .isEqualTo(due.plusDays(2));
        LocalDate today = due.plusDays(3);
        assertThat(SafetyCheckSchedule.schedule(PLANNER, "SAFETY_CHECK_1", due, today).lastDay())
                .isEqualTo(today.plusDays(14));
    }

    @Test
    void labels_count_the_plans_checks() {
        assertThat(SafetyCheckSchedule.label(1)).isEqualTo("SAFETY_CHECK_1");
        assertThat(SafetyCheckSchedule.label(2)).isEqualTo("SAFETY_CHECK_2");
    }
}
