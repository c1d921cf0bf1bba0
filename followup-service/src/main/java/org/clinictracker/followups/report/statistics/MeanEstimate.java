package org.clinictracker.followups.report.statistics;

/**
 * A mean with its 95 % Student-t interval and the sample's standard deviation. {@code n} = 0: everything null;
 * {@code n} = 1: the mean alone (no interval, no deviation).
 */
public record MeanEstimate(int n, Double mean, Double lower, Double upper, Double standardDeviation) {

    public static MeanEstimate of(double... values) {
        throw new UnsupportedOperationException("h1");
    }
}
