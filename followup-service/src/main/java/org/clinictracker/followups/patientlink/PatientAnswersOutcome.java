package org.clinictracker.followups.patientlink;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.clinictracker.followups.outcome.NoticedAdverseEvent;
import org.clinictracker.followups.outcome.OutcomeReport;
import org.clinictracker.followups.outcome.PegItems;
import org.clinictracker.followups.patientlink.PatientAnswerSubmission.SideEffects;
import org.clinictracker.platform.input.VisibleText;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;

/**
 * The patient's answers as the visit's outcome, in the coordinator's terms, so that one set of rules judges both.
 * <p>
 * Each side effect becomes one complication: severity the worst the patient felt (of all ticked, so none is
 * under-rated), serious if it needed medical care, onset the answer day (the patient is not asked when it began;
 * the notes say so), ONGOING unless the patient says it is gone (then RESOLVED on the answer day).
 */
final class PatientAnswersOutcome {

    static final String SIDE_EFFECT_NOTES = "Reported by the patient through the follow-up link; to be confirmed by "
            + "the clinic. The patient was not asked when it began: the onset is the day of the answers.";

    private PatientAnswersOutcome() {
    }

    /** The outcome the answers make, assessed on {@code answeredOn}; 422 naming the fields when they do not fit. */
    static OutcomeReport report(PatientAnswerSubmission answers, LocalDate answeredOn) {
        List<FieldError> violations = violations(answers);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations);
        }
        PegItems peg = new PegItems(answers.painAverage(), answers.enjoymentOfLife(), answers.generalActivity());
        return new OutcomeReport(answers.painNow(), answers.reliefPercent(), peg.score().orElse(null), null,
                answers.satisfaction(), answers.sensationReturned(), sideEffects(answers.sideEffects(), answeredOn),
                answers.comments(), answeredOn, peg.painAverage(), peg.enjoyment(), peg.activity());
    }

    static List<FieldError> violations(PatientAnswerSubmission answers) {
        List<FieldError> violations = new ArrayList<>();
        SideEffects effects = answers.sideEffects();
        if (effects == null) {
            return violations;
        }
        List<AdverseEventType> types = effects.types() == null ? List.of() : effects.types();
        if (new HashSet<>(types).size() < types.size()) {
            violations.add(new FieldError("sideEffects.types", "names each side effect once"));
        }
        if (effects.worst() == null) {
            violations.add(new FieldError("sideEffects.worst", "must say how bad the worst side effect was"));
        }
        if (effects.neededMedicalCare() == null) {
            violations.add(new FieldError("sideEffects.neededMedicalCare",
                    "must say whether a side effect needed medical care"));
        }
        boolean other = types.contains(AdverseEventType.OTHER);
        if (other && VisibleText.isBlank(effects.otherDescription())) {
            violations.add(new FieldError("sideEffects.otherDescription", "must describe the other side effect"));
        }
        if (!other && VisibleText.hasText(effects.otherDescription())) {
            // a description without OTHER ticked would otherwise be lost: ask rather than guess
            violations.add(new FieldError("sideEffects.otherDescription",
                    "is only given with OTHER among the types (tick \"something else\")"));
        }
        return violations;
    }

    private static List<NoticedAdverseEvent> sideEffects(SideEffects effects, LocalDate answeredOn) {
        if (effects == null) {
            return List.of();
        }
        boolean gone = Boolean.FALSE.equals(effects.stillThere());
        return effects.types().stream()
                .map(type -> new NoticedAdverseEvent(type,
                        type == AdverseEventType.OTHER ? effects.otherDescription().strip() : null, effects.worst(),
                        effects.neededMedicalCare(), answeredOn,
                        gone ? AdverseEventOutcome.RESOLVED : AdverseEventOutcome.ONGOING, gone ? answeredOn : null,
                        SIDE_EFFECT_NOTES))
                .toList();
    }
}
