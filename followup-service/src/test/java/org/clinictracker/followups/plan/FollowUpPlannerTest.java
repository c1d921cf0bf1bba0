package org.clinictracker.followups.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.clinictracker.followups.protocol.Protocol;
import org.clinictracker.followups.protocol.ProtocolVisit;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;

class FollowUpPlannerTest {

    private static final Protocol CRYO = new Protocol(Modality.CRYONEUROLYSIS, 1, List.of(
            new ProtocolVisit("DAY_2", 2, 1, 1),
            new ProtocolVisit("WEEK_2", 14, 3, 3),
            new ProtocolVisit("MONTH_3", 90, 14, 14)), "system", Instant.EPOCH);

    private static final LocalDate PERFORMED = LocalDate.of(2026, 3, 10);

    private final FollowUpPlanner planner = new FollowUpPlanner(14);

    @Test
    void every_visit_is_due_its_offset_after_the_procedure_with_its_window() {
        List<ScheduledVisit> visits = planner.visits(CRYO, PERFORMED, PERFORMED);

        assertThat(visits).extracting(ScheduledVisit::label).containsExactly("DAY_2", "WEEK_2", "MONTH_3");
        assertThat(visits.get(0)).isEqualTo(new ScheduledVisit("DAY_2", 2, LocalDate.of(2026, 3, 12),
                LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 13)));
        assertThat(visits.get(2)).isEqualTo(new ScheduledVisit("MONTH_3", 90, LocalDate.of(2026, 6, 8),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 22), LocalDate.of(2026, 6, 22)));
    }

    @Test
    void days_are_counted_across_month_and_leap_year_ends() {
        ScheduledVisit visit = planner.schedule(new ProtocolVisit("WEEK_2", 14, 3, 3), LocalDate.of(2028, 2, 20),
                LocalDate.of(2028, 2, 20));

        assertThat(visit.dueOn()).isEqualTo(LocalDate.of(2028, 3, 5)); // 2028 has a 29 February
        assertThat(visit.windowStart()).isEqualTo(LocalDate.of(2028, 3, 2));
    }

    @Test
    void a_late_entry_keeps_every_visit_and_past_ones_stay_documentable_for_the_grace() {
        LocalDate today = PERFORMED.plusDays(100); // entered 100 days after the procedure

        List<ScheduledVisit> visits = planner.visits(CRYO, PERFORMED, today);

        assertThat(visits).hasSize(3);
        ScheduledVisit day2 = visits.get(0);
        assertThat(day2.dueOn()).isEqualTo(PERFORMED.plusDays(2)); // the protocol's day, not moved
        assertThat(day2.lastDay()).isEqualTo(today.plusDays(14));
        ScheduledVisit month3 = visits.get(2); // window 76..104: still open today
        assertThat(month3.lastDay()).isEqualTo(month3.windowEnd());
    }

    @Test
    void a_window_closing_today_is_not_a_late_one() {
        LocalDate today = PERFORMED.plusDays(3); // DAY_2's window ends on day 3

        ScheduledVisit day2 = planner.visits(CRYO, PERFORMED, today).get(0);

        assertThat(day2.lastDay()).isEqualTo(today).isEqualTo(day2.windowEnd());
    }

    @Test
    void a_window_that_closed_yesterday_gets_the_grace() {
        LocalDate today = PERFORMED.plusDays(4);

        ScheduledVisit day2 = planner.visits(CRYO, PERFORMED, today).get(0);

        assertThat(day2.lastDay()).isEqualTo(today.plusDays(14));
    }

    @Test
    void no_grace_means_a_late_visit_can_be_missed_from_tomorrow() {
        LocalDate today = PERFORMED.plusDays(30);

        ScheduledVisit day2 = new FollowUpPlanner(0).visits(CRYO, PERFORMED, today).get(0);

        assertThat(day2.lastDay()).isEqualTo(today);
    }

    @Test
    void a_zero_width_window_is_the_due_day_alone() {
        ScheduledVisit check = planner.around("SAFETY_CHECK_1", 0, PERFORMED.plusDays(1), 0, 0, PERFORMED);

        assertThat(check.windowStart()).isEqualTo(check.dueOn()).isEqualTo(check.windowEnd());
    }

    @Test
    void a_negative_grace_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FollowUpPlanner(-1));
    }
}
