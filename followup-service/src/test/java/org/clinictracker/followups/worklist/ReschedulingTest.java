package org.clinictracker.followups.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.clinictracker.followups.worklist.Rescheduling.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReschedulingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final Rescheduling rules = new Rescheduling(365);

    @ParameterizedTest(name = "{0} (open: {1}): {2}")
    @CsvSource(nullValues = "-", value = {
            "2026-11-24, true, must not be in the past (today is 2026-11-25)",
            "2026-11-24, false, must not be in the past (today is 2026-11-25)",
            "2026-11-25, false, -",                              // today itself
            "2026-12-01, false, -",
            "2027-11-25, false, -",                              // exactly 365 days ahead
            "2027-11-26, false, must be within 365 days from today (by 2027-11-25)",
            "2062-11-25, false, must be within 365 days from today (by 2027-11-25)",
            "2026-12-10, true, is already the visit's due day",  // an open visit's own due day
            "2026-12-10, false, -" })                            // a missed visit reopened on its due day (in the future: cannot happen, harmless)
    void a_new_due_day_is_from_today_to_the_limit_and_not_the_current_one(LocalDate newDueOn, boolean open,
            String problem) {
        assertThat(rules.problem(newDueOn, LocalDate.of(2026, 12, 10), open, TODAY).orElse(null)).isEqualTo(problem);
    }

    @Test
    void the_window_keeps_its_widths_around_the_new_due_day() {
        Window month3 = new Window(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 29));
        assertThat(Rescheduling.moved(month3, LocalDate.of(2026, 12, 1)))
                .isEqualTo(new Window(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15)));
    }

    @Test
    void an_uneven_window_stays_uneven_and_a_one_day_window_stays_one_day() {
        Window uneven = new Window(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 20));
        assertThat(Rescheduling.moved(uneven, LocalDate.of(2026, 3, 1)))
                .isEqualTo(new Window(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 6)));
        Window oneDay = new Window(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15));
        assertThat(Rescheduling.moved(oneDay, LocalDate.of(2027, 1, 1)))
                .isEqualTo(new Window(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void the_window_crosses_a_leap_day_by_days_not_by_dates() {
        Window twoWeeks = new Window(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 29));
        assertThat(Rescheduling.moved(twoWeeks, LocalDate.of(2028, 3, 1)))
                .isEqualTo(new Window(LocalDate.of(2028, 2, 16), LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 15)));
    }

    @Test
    void a_limit_below_one_day_is_a_configuration_error() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Rescheduling(0));
    }
}
