package org.clinictracker.followups.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.clinictracker.followups.report.ReportCell.AdverseEvents;
import org.clinictracker.followups.report.ReportCell.WindowCell;
import org.clinictracker.followups.report.statistics.KaplanMeier;
import org.clinictracker.followups.report.statistics.Proportions;
import org.clinictracker.followups.report.statistics.SurvivalCount;

/**
 * One group's figures from the cells it is made of (a procedure is in exactly one cell, so no procedure counts
 * twice): counts add, means combine as {@link Moments}, relief as counts per day; patients are those of one cell
 * only plus the distinct others.
 */
final class GroupTally {

    private GroupTally() {
    }

    static OutcomeGroup of(String dimension, String code, String label, List<ReportCell> cells,
            List<PublishedFigure> published) {
        int procedures = 0;
        int patients = 0;
        Set<UUID> sharedPatients = new HashSet<>();
        Moments opioidBefore = Moments.NONE;
        int repeats = 0;
        Moments intervals = Moments.NONE;
        List<SurvivalCount> relief = new ArrayList<>();
        int outcomes = 0;
        int patientOutcomes = 0;
        for (ReportCell cell : cells) {
            procedures += cell.procedures();
            patients += cell.cellOnlyPatients();
            sharedPatients.addAll(cell.sharedPatients());
            opioidBefore = opioidBefore.plus(cell.opioidBefore());
            repeats += cell.repeats();
            intervals = intervals.plus(cell.repeatIntervalDays());
            relief.addAll(cell.relief());
            outcomes += cell.outcomes();
            patientOutcomes += cell.patientOutcomes();
        }
        return new OutcomeGroup(dimension, code, label, procedures, patients + sharedPatients.size(), windows(cells),
                KaplanMeier.ofCounts(relief), opioidBefore.estimate(), adverseEvents(cells, procedures),
                new RepeatTreatments(repeats, intervals.estimate()),
                new PatientAnswered(outcomes, patientOutcomes, Proportions.wilson(patientOutcomes, outcomes)), published);
    }

    /**
     * For each window: responders among those assessed (a known {@code responder} on the window's latest outcome
     * that has one), the lost, those assessed outside the window, and the means of the window's pain, pain reduction from the plan's baseline and opioid
     * use.
     */
    static List<WindowOutcome> windows(List<ReportCell> cells) {
        List<WindowOutcome> windows = new ArrayList<>();
        for (ReportWindow window : ReportWindow.values()) {
            int assessed = 0;
            int responders = 0;
            int lost = 0;
            int outside = 0;
            Moments pain = Moments.NONE;
            Moments reduction = Moments.NONE;
            Moments opioids = Moments.NONE;
            for (ReportCell cell : cells) {
                WindowCell facts = cell.windows()[window.ordinal()];
                assessed += facts.assessed();
                responders += facts.responders();
                lost += facts.lost();
                outside += facts.outside();
                pain = pain.plus(facts.pain());
                reduction = reduction.plus(facts.reduction());
                opioids = opioids.plus(facts.opioids());
            }
            windows.add(new WindowOutcome(window.name(), window.month(), assessed, responders,
                    Proportions.wilson(responders, assessed), lost, outside, pain.estimate(), reduction.estimate(),
                    opioids.estimate()));
        }
        return List.copyOf(windows);
    }

    /** Per type and seriousness (serious ones after the others): events, procedures with one, their share. */
    static List<AdverseEventRate> adverseEvents(List<ReportCell> cells, int procedures) {
        record Kind(String type, boolean serious) {
        }
        Map<Kind, int[]> tally = new TreeMap<>(Comparator.comparing(Kind::type).thenComparing(Kind::serious));
        for (ReportCell cell : cells) {
            for (AdverseEvents events : cell.adverseEvents()) {
                int[] counts = tally.computeIfAbsent(new Kind(events.type(), events.serious()), k -> new int[2]);
                counts[0] += events.events();
                counts[1] += events.procedures();
            }
        }
        return tally.entrySet().stream()
                .map(e -> new AdverseEventRate(e.getKey().type(), e.getKey().serious(), e.getValue()[0],
                        e.getValue()[1], Proportions.wilson(e.getValue()[1], procedures)))
                .toList();
    }
}
