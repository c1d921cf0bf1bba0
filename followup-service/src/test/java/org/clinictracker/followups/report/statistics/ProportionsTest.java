package org.clinictracker.followups.report.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionsTest {

    private static final double TOLERANCE = 1e-4;

    // Wilson score, z = 1.959964, z² = 3.841459:
    //   centre = (x + z²/2) / (n + z²), half-width = z / (n + z²) · √(x(n − x)/n + z²/4)
    @ParameterizedTest(name = "{0} of {1}: {2} ({3}–{4})")
    @CsvSource({
            // 5 of 20: centre 6.920729/23.841459 = 0.290281, half 0.082208·√(3.75 + 0.960365) = 0.178428
            "5,  20, 0.25, 0.1119, 0.4687",
            // 1 of 1: centre 2.920729/4.841459 = 0.603274, half 0.404829·0.979982 = 0.396725
            "1,   1, 1.0,  0.2065, 1.0",
            // 0 of 1: the mirror image of 1 of 1
            "0,   1, 0.0,  0.0,    0.7935",
            // 0 of 10: upper = z² / (n + z²) = 3.841459/13.841459
            "0,  10, 0.0,  0.0,    0.2775",
            "10, 10, 1.0,  0.7225, 1.0",
            // 35 of 50: centre 36.920729/53.841459 = 0.685730, half 0.036402·√(10.5 + 0.960365) = 0.123249
            "35, 50, 0.7,  0.5625, 0.8090",
    })
    void a_share_stands_with_its_wilson_interval(int events, int trials, double share, double lower, double upper) {
        Estimate estimate = Proportions.wilson(events, trials);

        assertThat(estimate.value()).isCloseTo(share, within(TOLERANCE));
        assertThat(estimate.lower()).isCloseTo(lower, within(TOLERANCE));
        assertThat(estimate.upper()).isCloseTo(upper, within(TOLERANCE));
    }

    @Test
    void none_and_all_are_bounded_by_exactly_zero_and_one() {
        assertThat(Proportions.wilson(0, 7).lower()).isEqualTo(0.0);
        assertThat(Proportions.wilson(7, 7).upper()).isEqualTo(1.0);
    }

    @Test
    void a_group_of_one_is_shown_with_an_interval_wider_than_half_the_scale() {
        Estimate one = Proportions.wilson(1, 1);

        assertThat(one.value()).isEqualTo(1.0);
        assertThat(one.upper() - one.lower()).isGreaterThan(0.75);
    }

    @Test
    void no_trials_is_no_share() {
        assertThat(Proportions.wilson(0, 0)).isNull();
    }

    @Test
    void more_events_than_trials_is_a_mistake() {
        assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(3, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(-1, 2));
    }
}
