package org.clinictracker.followups.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.clinictracker.platform.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolRulesTest {

    private static ProtocolVisit visit(String label, int offset, int before, int after) {
        return new ProtocolVisit(label, offset, before, after);
    }

    private static List<String> fields(List<ProtocolVisit> visits) {
        return ProtocolRules.violations(visits).stream().map(FieldError::field).toList();
    }

    /** domain.md's cryoneurolysis default, as the migration seeds it. */
    private static final List<ProtocolVisit> CRYONEUROLYSIS = List.of(visit("DAY_2", 2, 1, 1), visit("WEEK_2", 14, 3, 3),
            visit("WEEK_6", 42, 3, 3), visit("MONTH_3", 90, 14, 14), visit("MONTH_6", 180, 14, 14),
            visit("MONTH_9", 270, 14, 14), visit("MONTH_12", 360, 14, 14));

    @Test
    void the_clinic_defaults_are_usable() {
        assertThat(ProtocolRules.violations(CRYONEUROLYSIS)).isEmpty();
        assertThat(ProtocolRules.violations(List.of(visit("DAY_1", 1, 1, 1), visit("WEEK_2", 14, 3, 3)))).isEmpty();
    }

    @Test
    void a_protocol_has_one_to_twenty_visits() {
        assertThat(fields(List.of())).containsExactly("visits");
        assertThat(fields(visits(1))).isEmpty();
        assertThat(fields(visits(20))).isEmpty();
        assertThat(fields(visits(21))).containsExactly("visits");
    }

    private static List<ProtocolVisit> visits(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> visit("VISIT_" + i, i * 10, 2, 2)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "MONTH_3", "DAY_2", "CHECK", "A", "WEEK_2_PHONE", "X1" })
    void labels_in_upper_snake_case_are_accepted(String label) {
        assertThat(fields(List.of(visit(label, 2, 1, 1)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "month_3", "Month3", "_MONTH", "MONTH_", "MONTH__3", "3_MONTH", "MONTH 3",
            "MONTH-3", "MÖNTH", "ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJA" })
    void other_labels_are_refused(String label) {
        assertThat(fields(List.of(visit(label, 2, 1, 1)))).containsExactly("visits[0].label");
    }

    @Test
    void a_label_is_used_once_per_protocol() {
        assertThat(fields(List.of(visit("CHECK", 2, 0, 0), visit("WEEK_2", 14, 0, 0), visit("CHECK", 30, 0, 0))))
                .containsExactly("visits[2].label");
    }

    @Test
    void the_first_visit_is_at_least_a_day_after_the_procedure() {
        assertThat(fields(List.of(visit("DAY_1", 1, 0, 0)))).isEmpty();
        assertThat(fields(List.of(visit("DAY_0", 0, 0, 0)))).containsExactly("visits[0].offsetDays");
        assertThat(fields(List.of(visit("BEFORE", -1, 0, 0)))).containsExactly("visits[0].offsetDays");
    }

    @Test
    void offsets_strictly_increase() {
        assertThat(fields(List.of(visit("A", 14, 0, 0), visit("B", 14, 0, 0)))).containsExactly("visits[1].offsetDays");
        assertThat(fields(List.of(visit("A", 14, 0, 0), visit("B", 13, 0, 0)))).containsExactly("visits[1].offsetDays");
        assertThat(fields(List.of(visit("A", 14, 0, 0), visit("B", 15, 0, 0)))).isEmpty();
    }

    @Test
    void windows_are_not_negative() {
        assertThat(fields(List.of(visit("A", 14, 0, 0)))).isEmpty();
        assertThat(fields(List.of(visit("A", 14, -1, 0)))).containsExactly("visits[0].windowBeforeDays");
        assertThat(fields(List.of(visit("A", 14, 0, -1)))).containsExactly("visits[0].windowAfterDays");
    }

    @Test
    void windows_of_consecutive_visits_do_not_overlap_not_even_by_a_day() {
        // WEEK_2 closes on day 17; the next window may open on day 18 at the earliest
        assertThat(fields(List.of(visit("WEEK_2", 14, 3, 3), visit("NEXT", 21, 3, 3)))).isEmpty();
        assertThat(fields(List.of(visit("WEEK_2", 14, 3, 3), visit("NEXT", 20, 3, 3))))
                .containsExactly("visits[1].windowBeforeDays");
        assertThat(fields(List.of(visit("WEEK_2", 14, 3, 10), visit("NEXT", 21, 3, 3))))
                .containsExactly("visits[1].windowBeforeDays");
    }

    @Test
    void every_broken_rule_is_named_at_once() {
        List<ProtocolVisit> visits = new ArrayList<>(CRYONEUROLYSIS);
        visits.set(1, visit("week_2", 14, -1, 3));
        visits.set(3, visit("MONTH_3", 40, 14, 14));
        assertThat(fields(visits)).containsExactly("visits[1].label", "visits[1].windowBeforeDays", "visits[3].offsetDays");
    }
}
