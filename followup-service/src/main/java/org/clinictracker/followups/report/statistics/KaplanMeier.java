package org.clinictracker.followups.report.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Kaplan–Meier estimate of how long something lasts, with Greenwood's variance (written here: the formula is
 * short, and none of the well-kept Java libraries has it).
 * <ul>
 * <li>S(t) = Π (1 − dᵢ/nᵢ) over the distinct event times tᵢ ≤ t;</li>
 * <li>at a time with both, events come before censorings: a subject censored at t was still at risk at t;</li>
 * <li>Greenwood: Var S(t) = S(t)² · Σ dᵢ / (nᵢ(nᵢ − dᵢ));</li>
 * <li>95 % log-log interval: S^exp(±z·√Σ / |ln S|), the + sign giving the lower bound; undefined at S = 1 and
 * S = 0 (nothing to transform), so null there;</li>
 * <li>median: the first time with S ≤ 0.5; its Brookmeyer–Crowley interval (as R's survfit prints it) runs from the
 * first time whose lower bound is ≤ 0.5 to the first time whose upper bound is ≤ 0.5; a bound never reached is
 * null, so that a small group shows an open interval rather than a false precision.</li>
 * </ul>
 */
public final class KaplanMeier {

    private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private KaplanMeier() {
    }

    public static SurvivalCurve estimate(Collection<SurvivalTime> subjects) {
        Map<Long, int[]> byDay = new TreeMap<>(); // day → {events, censored}
        for (SurvivalTime subject : subjects) {
            byDay.computeIfAbsent(subject.days(), day -> new int[2])[subject.event() ? 0 : 1]++;
        }
        List<SurvivalCount> counts = new ArrayList<>(byDay.size());
        byDay.forEach((day, count) -> counts.add(new SurvivalCount(day, count[0], count[1])));
        return ofCounts(counts);
    }

    /**
     * The same estimate from the subjects counted per time (as a database groups them): how many had the event
     * and how many were censored at each time, in any order, a time possibly more than once.
     */
    public static SurvivalCurve ofCounts(Collection<SurvivalCount> counts) {
        Map<Long, int[]> byDay = new TreeMap<>(); // day → {events, censored}
        int subjects = 0;
        for (SurvivalCount count : counts) {
            if (count.days() < 0) {
                throw new IllegalArgumentException("subjects followed for a negative time: " + count);
            }
            if (count.events() < 0 || count.censored() < 0) {
                throw new IllegalArgumentException("a negative count: " + count);
            }
            int[] day = byDay.computeIfAbsent(count.days(), d -> new int[2]);
            day[0] += count.events();
            day[1] += count.censored();
            subjects += count.events() + count.censored();
        }
        byDay.values().removeIf(day -> day[0] == 0 && day[1] == 0);
        List<SurvivalStep> steps = new ArrayList<>(byDay.size());
        int atRisk = subjects;
        int events = 0;
        double survival = 1.0;
        double greenwood = 0.0; // Σ dᵢ / (nᵢ(nᵢ − dᵢ))
        for (Map.Entry<Long, int[]> day : byDay.entrySet()) {
            int died = day.getValue()[0];
            int censored = day.getValue()[1];
            if (died > 0) {
                survival *= 1.0 - (double) died / atRisk;
                // when all at risk have the event S is 0 and the sum infinite: the interval is null anyway
                greenwood += died < atRisk ? (double) died / ((double) atRisk * (atRisk - died)) : Double.POSITIVE_INFINITY;
                events += died;
            }
            steps.add(step(day.getKey(), atRisk, died, censored, survival, greenwood));
            atRisk -= died + censored;
        }
        return new SurvivalCurve(subjects, events, subjects - events, List.copyOf(steps), median(steps));
    }

    private static SurvivalStep step(long day, int atRisk, int events, int censored, double survival, double greenwood) {
        if (survival <= 0.0 || survival >= 1.0) {
            return new SurvivalStep(day, atRisk, events, censored, Math.max(survival, 0.0), null, null);
        }
        double logSurvival = Math.log(survival);
        double widening = Math.exp(Z * Math.sqrt(greenwood) / Math.abs(logSurvival));
        return new SurvivalStep(day, atRisk, events, censored, survival,
                Math.pow(survival, widening), Math.pow(survival, 1.0 / widening));
    }

    private static Estimate median(List<SurvivalStep> steps) {
        Long median = null;
        Long lower = null;
        Long upper = null;
        for (SurvivalStep step : steps) {
            if (median == null && step.survival() <= 0.5) {
                median = step.day();
            }
            if (lower == null && step.lower() != null && step.lower() <= 0.5) {
                lower = step.day();
            }
            if (upper == null && step.upper() != null && step.upper() <= 0.5) {
                upper = step.day();
            }
        }
        if (median == null) {
            return null;
        }
        return new Estimate(median, lower == null ? null : lower.doubleValue(), upper == null ? null : upper.doubleValue());
    }
}
