package org.clinictracker.followups.report.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanEstimateTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void ten_values_of_variance_one_give_the_published_t_interval() {
        // ±√0.9 five times each: mean 0, Σ(x − x̄)² = 10·0.9 = 9, s² = 9/9 = 1;
        // t(0.975, 9) = 2.262157 (every t table), half-width 2.262157/√10 = 0.715357
        double a = Math.sqrt(0.9);
        MeanEstimate estimate = MeanEstimate.of(a, -a, a, -a, a, -a, a, -a, a, -a);

        assertThat(estimate.n()).isEqualTo(10);
        assertThat(estimate.mean()).isCloseTo(0.0, within(1e-12));
        assertThat(estimate.standardDeviation()).isCloseTo(1.0, within(1e-12));
        assertThat(estimate.lower()).isCloseTo(-0.7154, within(TOLERANCE));
        assertThat(estimate.upper()).isCloseTo(0.7154, within(TOLERANCE));
    }

    @Test
    void a_hand_computed_sample() {
        // 2 4 4 4 5 5 7 9: mean 40/8 = 5, Σ(x − x̄)² = 9+1+1+1+0+0+4+16 = 32, s² = 32/7 = 4.571429, s = 2.138090;
        // t(0.975, 7) = 2.364624, half-width 2.364624 · 2.138090/√8 = 1.787494
        MeanEstimate estimate = MeanEstimate.of(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(estimate.mean()).isEqualTo(5.0);
        assertThat(estimate.standardDeviation()).isCloseTo(2.138090, within(1e-6));
        assertThat(estimate.lower()).isCloseTo(3.212506, within(1e-5));
        assertThat(estimate.upper()).isCloseTo(6.787494, within(1e-5));
    }

    @Test
    void two_values_give_an_honestly_wide_interval() {
        // 1 and 3: mean 2, s² = 2, s/√2 = 1, t(0.975, 1) = 12.706205
        MeanEstimate estimate = MeanEstimate.of(1, 3);

        assertThat(estimate.lower()).isCloseTo(2 - 12.706205, within(1e-5));
        assertThat(estimate.upper()).isCloseTo(2 + 12.706205, within(1e-5));
    }

    @Test
    void identical_values_have_no_spread() {
        MeanEstimate estimate = MeanEstimate.of(-3, -3, -3);

        assertThat(estimate.mean()).isEqualTo(-3.0);
        assertThat(estimate.standardDeviation()).isEqualTo(0.0);
        assertThat(estimate.lower()).isEqualTo(-3.0);
        assertThat(estimate.upper()).isEqualTo(-3.0);
    }

    @Test
    void one_value_is_a_mean_without_interval_or_deviation() {
        assertThat(MeanEstimate.of(-4)).isEqualTo(new MeanEstimate(1, -4.0, null, null, null));
    }

    @Test
    void no_values_is_no_mean() {
        assertThat(MeanEstimate.of()).isEqualTo(new MeanEstimate(0, null, null, null, null));
    }

    @Test
    void a_value_that_is_no_number_is_a_mistake() {
        assertThatIllegalArgumentException().isThrownBy(() -> MeanEstimate.of(1, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> MeanEstimate.of(Double.POSITIVE_INFINITY));
    }

    @Test
    void the_database_aggregates_give_the_same_estimate_as_the_values() {
        // 2 4 4 4 5 5 7 9 as PostgreSQL aggregates them: count 8, avg 5, stddev_samp √(32/7)
        assertThat(MeanEstimate.of(8, 5.0, Math.sqrt(32.0 / 7))).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(MeanEstimate.of(2, 4, 4, 4, 5, 5, 7, 9));
        assertThat(MeanEstimate.of(1, -4.0, null)).isEqualTo(MeanEstimate.of(-4));
        assertThat(MeanEstimate.of(0, null, null)).isEqualTo(MeanEstimate.of());
        assertThat(MeanEstimate.of(3, -3.0, 0.0)).isEqualTo(MeanEstimate.of(-3, -3, -3));
        assertThatIllegalArgumentException().isThrownBy(() -> MeanEstimate.of(2, 1.0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> MeanEstimate.of(2, Double.NaN, 1.0));
    }
}
