package org.clinictracker.followups.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.clinictracker.followups.report.ReportedProcedure.AdverseEvents;
import org.clinictracker.followups.report.ReportedProcedure.WindowFacts;
import org.clinictracker.followups.report.statistics.KaplanMeier;
import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.clinictracker.followups.report.statistics.Proportions;
import org.clinictracker.followups.report.statistics.SurvivalTime;

/** One group's figures from its procedures: the arithmetic of the report, over rows already read. */
final class GroupTally {

    private GroupTally() {
    }

    static OutcomeGroup of(String dimension, String code, String label, List<ReportedProcedure> procedures,
            List<PublishedFigure> published, LocalDate today) {
        int patients = (int) procedures.stream().map(ReportedProcedure::patientId).distinct().count();
        List<WindowOutcome> windows = new ArrayList<>();
        for (ReportWindow window : ReportWindow.values()) {
            windows.add(window(window, procedures, today));
        }
        return new OutcomeGroup(dimension, code, label, procedures.size(), patients, List.copyOf(windows),
                KaplanMeier.estimate(reliefDurations(procedures)),
                mean(procedures.stream().map(ReportedProcedure::opioidBefore).toList()),
                adverseEvents(procedures), repeats(procedures), published);
    }

    /**
     * Responders among those assessed (a known {@code responder} on the window's latest outcome), the lost, and
     * the means of the window's pain, pain reduction from the plan's baseline and opioid use.
     */
    static WindowOutcome window(ReportWindow window, List<ReportedProcedure> procedures, LocalDate today) {
        int assessed = 0;
        int responders = 0;
        int lost = 0;
        List<Double> pain = new ArrayList<>();
        List<Double> reduction = new ArrayList<>();
        List<Double> opioids = new ArrayList<>();
        for (ReportedProcedure procedure : procedures) {
            WindowFacts facts = procedure.windows().get(window);
            if (facts == null) {
                lost += procedure.lostIn(window, today) ? 1 : 0;
                continue;
            }
            if (facts.responder() != null) {
                assessed++;
                responders += facts.responder() ? 1 : 0;
            }
            if (facts.painScore() != null) {
                pain.add(facts.painScore().doubleValue());
                if (procedure.baselinePain() != null) {
                    reduction.add((double) (procedure.baselinePain() - facts.painScore()));
                }
            }
            if (facts.opioidMmePerDay() != null) {
                opioids.add(facts.opioidMmePerDay());
            }
        }
        return new WindowOutcome(window.name(), window.month(), assessed, responders,
                Proportions.wilson(responders, assessed), lost, mean(pain), mean(reduction), mean(opioids));
    }

    /**
     * Relief of the procedures that gave some (a responder day): days from the procedure to its end (waning relief
     * or a repeat treatment, an event) or, still relieved, to the last outcome (censored there).
     */
    static List<SurvivalTime> reliefDurations(List<ReportedProcedure> procedures) {
        List<SurvivalTime> times = new ArrayList<>();
        for (ReportedProcedure procedure : procedures) {
            if (procedure.responderSince() == null) {
                continue;
            }
            if (procedure.reliefEndedOn() != null) {
                times.add(new SurvivalTime(procedure.daysTo(procedure.reliefEndedOn()), true));
            } else {
                LocalDate lastSeen = procedure.lastOutcomeOn() == null || procedure.lastOutcomeOn().isBefore(
                        procedure.responderSince()) ? procedure.responderSince() : procedure.lastOutcomeOn();
                times.add(new SurvivalTime(procedure.daysTo(lastSeen), false));
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
            Map<Kind, Integer> own = procedure.adverseEvents().stream().collect(Collectors.toMap(
                    e -> new Kind(e.type(), e.serious()), AdverseEvents::count, Integer::sum));
            own.forEach((kind, events) -> {
                int[] counts = tally.computeIfAbsent(kind, k -> new int[2]);
                counts[0] += events;
                counts[1]++;
            });
        }
        return tally.entrySet().stream()
                .map(e -> new AdverseEventRate(e.getKey().type(), e.getKey().serious(), e.getValue()[0],
                        e.getValue()[1], Proportions.wilson(e.getValue()[1], procedures.size())))
                .toList();
    }

    static RepeatTreatments repeats(List<ReportedProcedure> procedures) {
        List<ReportedProcedure> repeats = procedures.stream().filter(ReportedProcedure::repeat).toList();
        return new RepeatTreatments(repeats.size(), mean(repeats.stream()
                .map(r -> r.daysSincePrevious() == null ? null : r.daysSincePrevious().doubleValue()).toList()));
    }

    /** The mean of the values present (nulls are "not recorded", not zero). */
    private static MeanEstimate mean(List<Double> values) {
        return MeanEstimate.of(values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
    }
}
