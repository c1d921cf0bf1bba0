package org.clinictracker.followups.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.junit.jupiter.api.Test;

class MomentsTest {

    /** A sample as the database aggregates it: count, avg, stddev_samp (computed here the textbook way). */
    private static Moments aggregated(double... values) {
        MeanEstimate estimate = MeanEstimate.of(values);
        return Moments.of(values.length, estimate.mean(), estimate.standardDeviation());
    }

    @Test
    void cells_added_up_give_the_estimate_of_all_their_values() {
        double[] a = { 2, 4, 4 };
        double[] b = { 4, 5 };
        double[] c = { 5, 7, 9 };
        MeanEstimate added = aggregated(a).plus(Moments.NONE).plus(aggregated(b)).plus(aggregated(c)).estimate();

        // 2 4 4 4 5 5 7 9: mean 5, s² = 32/7
        MeanEstimate all = MeanEstimate.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(added.n()).isEqualTo(8);
        assertThat(added.mean()).isCloseTo(5.0, within(1e-12));
        assertThat(added.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(added.lower()).isCloseTo(all.lower(), within(1e-12));
        assertThat(added.upper()).isCloseTo(all.upper(), within(1e-12));
    }

    @Test
    void a_cell_of_one_and_an_empty_one_add_up_too() {
        assertThat(Moments.NONE.plus(Moments.NONE).estimate()).isEqualTo(MeanEstimate.of());
        assertThat(Moments.NONE.plus(aggregated(7)).estimate()).isEqualTo(MeanEstimate.of(7));
        MeanEstimate two = aggregated(1).plus(aggregated(3)).estimate();
        assertThat(two.mean()).isEqualTo(2.0);
        assertThat(two.standardDeviation()).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void values_far_from_zero_keep_their_small_spread() {
        // a sum of squares minus a square of sums would lose these digits; the pairwise update does not
        double[] a = { 1e9 + 1, 1e9 + 2 };
        double[] b = { 1e9 + 3, 1e9 + 4 };
        MeanEstimate added = aggregated(a).plus(aggregated(b)).estimate();
        double[] all = Arrays.copyOf(a, 4);
        System.arraycopy(b, 0, all, 2, 2);
        assertThat(added.standardDeviation()).isCloseTo(MeanEstimate.of(all).standardDeviation(), within(1e-6));
    }
}
