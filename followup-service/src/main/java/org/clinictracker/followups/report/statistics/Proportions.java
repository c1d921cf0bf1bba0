package org.clinictracker.followups.report.statistics;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/** Shares of a group (responders, patients with an adverse event) with Wilson score intervals. */
public final class Proportions {

    private static final double ERROR_RATE = 0.05;

    private Proportions() {
    }

    /**
     * {@code events} of {@code trials} with its 95 % Wilson score interval (Commons Statistics); null when there
     * were no trials, since 0 of 0 is no share at all. Wilson rather than the textbook normal approximation because
     * the clinic's groups are small and its shares often near 0 or 1, where that one collapses to a point or leaves
     * [0, 1]; Wilson stays inside [0, 1] and stays wide for a group of one (1 of 1: 0.21–1).
     */
    public static Estimate wilson(int events, int trials) {
        if (trials < 0 || events < 0 || events > trials) {
            throw new IllegalArgumentException("not a share: " + events + " of " + trials);
        }
        if (trials == 0) {
            return null;
        }
        Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(trials, events, ERROR_RATE);
        // the bounds at 0 of n and n of n are 0 and 1 exactly, not a rounding error away from them
        double lower = events == 0 ? 0.0 : interval.getLowerBound();
        double upper = events == trials ? 1.0 : interval.getUpperBound();
        return new Estimate((double) events / trials, lower, upper);
    }
}
