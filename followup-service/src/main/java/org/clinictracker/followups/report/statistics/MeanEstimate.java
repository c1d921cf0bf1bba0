package org.clinictracker.followups.report.statistics;

import java.util.Arrays;

import org.apache.commons.statistics.interval.Interval;
import org.apache.commons.statistics.interval.NormalConfidenceInterval;

/**
 * A mean with its 95 % Student-t interval and the sample's standard deviation. {@code n} = 0: everything null;
 * {@code n} = 1: the mean alone (no interval, no deviation).
 */
public record MeanEstimate(int n, Double mean, Double lower, Double upper, Double standardDeviation) {

    private static final double ERROR_RATE = 0.05;

    public static MeanEstimate of(double... values) {
        if (Arrays.stream(values).anyMatch(value -> !Double.isFinite(value))) {
            throw new IllegalArgumentException("a mean of numbers only: " + Arrays.toString(values));
        }
        int n = values.length;
        if (n == 0) {
            return new MeanEstimate(0, null, null, null, null);
        }
        double mean = Arrays.stream(values).sum() / n;
        if (n == 1) {
            // one value has no spread to estimate, so no interval: say so rather than pretend
            return new MeanEstimate(1, mean, null, null, null);
        }
        // two passes (mean first), which keeps the variance exact for values far from zero
        double sumOfSquares = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum();
        double variance = sumOfSquares / (n - 1);
        // MEAN: mean ± t(0.975, n-1)·s/√n, with Commons Statistics' Student t
        Interval interval = NormalConfidenceInterval.MEAN.fromErrorRate(mean, variance, n, ERROR_RATE);
        return new MeanEstimate(n, mean, interval.getLowerBound(), interval.getUpperBound(), Math.sqrt(variance));
    }

    /**
     * The same estimate from a sample's sufficient statistics, as a database aggregates them ({@code count},
     * {@code avg}, {@code stddev_samp}): n values, their mean and their sample standard deviation (null or
     * ignored for n &lt; 2). Agrees with {@link #of(double...)} over the same values up to rounding.
     */
    public static MeanEstimate of(int n, Double mean, Double standardDeviation) {
        if (n < 0) {
            throw new IllegalArgumentException("a negative number of values: " + n);
        }
        if (n == 0) {
            return new MeanEstimate(0, null, null, null, null);
        }
        if (mean == null || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("a mean of " + n + " values that is no number: " + mean);
        }
        if (n == 1) {
            return new MeanEstimate(1, mean, null, null, null);
        }
        if (standardDeviation == null || !Double.isFinite(standardDeviation) || standardDeviation < 0) {
            throw new IllegalArgumentException("a standard deviation of " + n + " values that is none: " + standardDeviation);
        }
        double variance = standardDeviation * standardDeviation;
        Interval interval = NormalConfidenceInterval.MEAN.fromErrorRate(mean, variance, n, ERROR_RATE);
        return new MeanEstimate(n, mean, interval.getLowerBound(), interval.getUpperBound(), standardDeviation);
    }
}
