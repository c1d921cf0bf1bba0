package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.MeanEstimate;

/**
 * A sample's count, mean and sum of squared deviations, so that the samples PostgreSQL aggregated per cell
 * ({@code count}, {@code avg}, {@code stddev_samp}) add up to a group's without the values: Chan, Golub and
 * LeVeque's pairwise update, exact in exact arithmetic and stable in floating point (no sum of squares minus a
 * square of sums).
 */
record Moments(int n, double mean, double squaredDeviations) {

    static final Moments NONE = new Moments(0, 0.0, 0.0);

    /** From a database's aggregates over n values (mean and deviation null when n is 0; deviation null at n 1). */
    static Moments of(int n, Double mean, Double standardDeviation) {
        if (n == 0) {
            return NONE;
        }
        double sd = n == 1 || standardDeviation == null ? 0.0 : standardDeviation;
        return new Moments(n, mean, sd * sd * (n - 1));
    }

    Moments plus(Moments other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        int total = n + other.n;
        double delta = other.mean - mean;
        return new Moments(total, mean + delta * other.n / total,
                squaredDeviations + other.squaredDeviations + delta * delta * ((double) n * other.n / total));
    }

    MeanEstimate estimate() {
        if (n < 2) {
            return MeanEstimate.of(n, n == 0 ? null : mean, null);
        }
        return MeanEstimate.of(n, mean, Math.sqrt(Math.max(squaredDeviations, 0.0) / (n - 1)));
    }
}
