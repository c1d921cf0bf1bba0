package org.clinictracker.followups.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.clinictracker.followups.report.ReportedProcedure.AdverseEvents;
import org.clinictracker.followups.report.ReportedProcedure.WindowFacts;
import org.clinictracker.followups.report.statistics.KaplanMeier;
import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.clinictracker.followups.report.statistics.Proportions;
import org.clinictracker.followups.report.statistics.SurvivalTime;

/**
 * One group's figures from its procedures: the arithmetic of the report, over rows already read. Plain loops and
 * primitive arrays: a procedure counts in four or five groups, and the whole clinic is ~100,000 of them.
 */
final class GroupTally {

    private GroupTally() {
    }

    static OutcomeGroup of(String dimension, String code, String label, List<ReportedProcedure> procedures,
            List<PublishedFigure> published, LocalDate today) {
        BitSet patients = new BitSet();
        Doubles opioidBefore = new Doubles();
        for (ReportedProcedure procedure : procedures) {
            patients.set(procedure.patient());
            opioidBefore.addIfPresent(procedure.opioidBefore());
        }
        return new OutcomeGroup(dimension, code, label, procedures.size(), patients.cardinality(),
                windows(procedures, today), KaplanMeier.estimate(reliefDurations(procedures)), opioidBefore.mean(),
                adverseEvents(procedures), repeats(procedures), published);
    }

    /**
     * For each window: responders among those assessed (a known {@code responder} on the window's latest
     * outcome), the lost, and the means of the window's pain, pain reduction from the plan's baseline and opioid
     * use. One pass over the procedures for all the windows.
     */
    static List<WindowOutcome> windows(List<ReportedProcedure> procedures, LocalDate today) {
        ReportWindow[] all = ReportWindow.values();
        WindowCounts[] counts = new WindowCounts[all.length];
        for (int w = 0; w < all.length; w++) {
            counts[w] = new WindowCounts(all[w]);
        }
        long todayEpochDay = today.toEpochDay();
        for (ReportedProcedure procedure : procedures) {
            for (WindowCounts count : counts) {
                count.add(procedure, todayEpochDay);
            }
        }
        List<WindowOutcome> windows = new ArrayList<>(all.length);
        for (WindowCounts count : counts) {
            windows.add(count.outcome());
        }
        return List.copyOf(windows);
    }

    /** One window's tally while the group's procedures are read. */
    private static final class WindowCounts {

        private final ReportWindow window;
        private int assessed;
        private int responders;
        private int lost;
        private final Doubles pain = new Doubles();
        private final Doubles reduction = new Doubles();
        private final Doubles opioids = new Doubles();

        WindowCounts(ReportWindow window) {
            this.window = window;
        }

        void add(ReportedProcedure procedure, long todayEpochDay) {
            WindowFacts facts = procedure.facts(window);
            if (facts == null) {
                lost += procedure.lostIn(window, todayEpochDay) ? 1 : 0;
                return;
            }
            if (facts.responder() != null) {
                assessed++;
                responders += facts.responder() ? 1 : 0;
            }
            if (facts.hasPainScore()) {
                pain.add(facts.painScore());
                if (procedure.baselinePain() != null) {
                    reduction.add(procedure.baselinePain() - facts.painScore());
                }
            }
            if (facts.hasOpioidUse()) {
                opioids.add(facts.opioidMmePerDay());
            }
        }

        WindowOutcome outcome() {
            return new WindowOutcome(window.name(), window.month(), assessed, responders,
                    Proportions.wilson(responders, assessed), lost, pain.mean(), reduction.mean(), opioids.mean());
        }
    }

    /** The relief of the procedures that brought some ({@link ReportedProcedure#relief()}). */
    static List<SurvivalTime> reliefDurations(List<ReportedProcedure> procedures) {
        List<SurvivalTime> times = new ArrayList<>();
        for (ReportedProcedure procedure : procedures) {
            SurvivalTime relief = procedure.relief();
            if (relief != null) {
                times.add(relief);
            }
        }
        return times;
    }

    /** Per type and seriousness (serious ones after the others): events, procedures with one, their share. */
    static List<AdverseEventRate> adverseEvents(List<ReportedProcedure> procedures) {
        record Kind(String type, boolean serious) {
        }
        Map<Kind, int[]> tally = new TreeMap<>(Comparator.comparing(Kind::type).thenComparing(Kind::serious));
        for (ReportedProcedure procedure : procedures) {
            List<AdverseEvents> own = procedure.adverseEvents();
            if (own.isEmpty()) {
                continue;
            }
            Set<Kind> kinds = new HashSet<>();
            for (AdverseEvents events : own) {
                Kind kind = new Kind(events.type(), events.serious());
                int[] counts = tally.computeIfAbsent(kind, k -> new int[2]);
                counts[0] += events.count();
                if (kinds.add(kind)) {
                    counts[1]++; // procedures with one
                }
            }
        }
        return tally.entrySet().stream()
                .map(e -> new AdverseEventRate(e.getKey().type(), e.getKey().serious(), e.getValue()[0],
                        e.getValue()[1], Proportions.wilson(e.getValue()[1], procedures.size())))
                .toList();
    }

    static RepeatTreatments repeats(List<ReportedProcedure> procedures) {
        int count = 0;
        Doubles intervals = new Doubles();
        for (ReportedProcedure procedure : procedures) {
            if (procedure.repeat()) {
                count++;
                if (procedure.daysSincePrevious() != null) {
                    intervals.add(procedure.daysSincePrevious());
                }
            }
        }
        return new RepeatTreatments(count, intervals.mean());
    }

    /** A growable array of the values present (a null is "not recorded", not zero). */
    private static final class Doubles {

        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addIfPresent(Double value) {
            if (value != null) {
                add(value);
            }
        }

        MeanEstimate mean() {
            return MeanEstimate.of(Arrays.copyOf(values, size));
        }
    }
}
