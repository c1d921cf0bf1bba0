package org.clinictracker.followups.report;

import java.util.List;

import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.clinictracker.followups.report.statistics.SurvivalCurve;

/**
 * One row of the report: {@code dimension} ALL, MODALITY, INDICATION or NERVE, its {@code code} and words.
 * {@code windows}: months 3, 6 and 12 after the procedure. {@code reliefDuration}: days from the procedure to the
 * end of relief (waning relief or a repeat treatment), Kaplan–Meier, still relieved at the last visit = censored.
 * {@code opioidBefore}: MME/day at intake. {@code published}: the source's figures that apply to this group.
 */
public record OutcomeGroup(String dimension, String code, String label, int procedures, int patients,
        List<WindowOutcome> windows, SurvivalCurve reliefDuration, MeanEstimate opioidBefore,
        List<AdverseEventRate> adverseEvents, RepeatTreatments repeats, List<PublishedFigure> published) {
}
