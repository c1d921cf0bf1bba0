package org.clinictracker.followups.report;

import java.util.List;

import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.clinictracker.followups.report.statistics.SurvivalCurve;

/**
 * One row of the report: {@code dimension} ALL, MODALITY, INDICATION or NERVE, its {@code code} (ALL; a modality;
 * an indication code, NONE for procedures that name none; a nerve catalogue code) and words. {@code procedures}
 * and distinct {@code patients} in the group. {@code windows}: months 3, 6 and 12 after the procedure.
 * {@code reliefDuration}: over the procedures that brought relief (a responder day), days from the procedure to
 * the end of relief (waning relief or a repeat treatment: an event) or, still relieved, to the last outcome
 * (censored there); Kaplan–Meier with Greenwood's variance. {@code opioidBefore}: the patient's MME/day at
 * intake, one value per procedure. {@code adverseEvents}: per type and seriousness, serious after not serious.
 * {@code patientAnswered}: of the group's visits with an outcome (any window), those the patient answered through
 * a link.
 * {@code published}: the source's figures that apply to every procedure of the group ({@code PublishedOutcomes}).
 */
public record OutcomeGroup(String dimension, String code, String label, int procedures, int patients,
        List<WindowOutcome> windows, SurvivalCurve reliefDuration, MeanEstimate opioidBefore,
        List<AdverseEventRate> adverseEvents, RepeatTreatments repeats, PatientAnswered patientAnswered,
        List<PublishedFigure> published) {
}
