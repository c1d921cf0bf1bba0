package org.clinictracker.followups.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitStatusTest {

    private static final LocalDate WINDOW_START = LocalDate.of(2026, 6, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 15);

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "OPEN, 2026-05-31, SCHEDULED",  // the day before the window opens
            "OPEN, 2026-06-01, DUE",        // the window's first day
            "OPEN, 2026-06-15, DUE",        // the due day itself
            "OPEN, 2026-06-16, OVERDUE",    // the day after
            "OPEN, 2027-01-01, OVERDUE",    // long past: still open until the missed-visit job runs
            "COMPLETED, 2026-05-01, COMPLETED",
            "MISSED, 2026-06-10, MISSED",
            "CANCELLED, 2026-06-10, CANCELLED" })
    void an_open_visit_is_seen_from_today_and_the_others_as_stored(String state, LocalDate today, VisitStatus status) {
        assertThat(VisitStatus.of(state, WINDOW_START, DUE, today)).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({ "2026-06-14, SCHEDULED", "2026-06-15, DUE", "2026-06-16, OVERDUE" })
    void a_window_of_one_day(LocalDate today, VisitStatus status) {
        assertThat(VisitStatus.of("OPEN", DUE, DUE, today)).isEqualTo(status);
    }

    @org.junit.jupiter.api.Test
    void an_unknown_state_is_a_bug_not_a_status() {
        assertThatIllegalArgumentException().isThrownBy(() -> VisitStatus.of("DUE", WINDOW_START, DUE, DUE));
    }
}
