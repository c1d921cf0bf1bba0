package org.clinictracker.followups.report.statistics;

/** Shares of a group (responders, patients with an adverse event) with Wilson score intervals. */
public final class Proportions {

    private Proportions() {
    }

    /**
     * {@code events} of {@code trials} with its 95 % Wilson score interval (Commons Statistics); null when there
     * were no trials, since 0 of 0 is no share at all.
     */
    public static Estimate wilson(int events, int trials) {
        throw new UnsupportedOperationException("h1");
    }
}
