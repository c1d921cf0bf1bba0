package org.clinictracker.patients.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.vocabulary.Modality;

/**
 * The clinic's candidacy rules: from the answers (and the chart's anticoagulation) to a result with
 * reasons for each modality. Cold-specific conditions only matter for cryoneurolysis; every other
 * contraindication rules out every modality. An unanswered safety question never counts as "no".
 */
public final class ScreeningEvaluator {

    static final int TYPICAL_CHRONIC_PAIN_MONTHS = 3;

    private ScreeningEvaluator() {
    }

    /** What the rules found for one modality. */
    public record ModalityAssessment(Modality modality, ScreeningResult result, List<ScreeningReason> reasons,
            List<String> unanswered) {
    }

    /**
     * The verdict: {@code result}, {@code reasons} and {@code unanswered} are those of the planned modality
     * (cryoneurolysis, the strictest, when none is planned); {@code modalities} holds every modality's.
     */
    public record Assessment(ScreeningResult result, List<ScreeningReason> reasons, List<String> unanswered,
            List<ModalityAssessment> modalities) {

        public ModalityAssessment forModality(Modality modality) {
            return modalities.stream().filter(m -> m.modality() == modality).findFirst().orElseThrow();
        }
    }

    /**
     * @param chartAnticoagulated the chart's intake answer, used when the screening does not answer
     *                            {@code anticoagulated} itself
     */
    public static Assessment evaluate(ScreeningAnswers answers, Boolean chartAnticoagulated) {
        Boolean anticoagulated = answers.anticoagulated() != null ? answers.anticoagulated() : chartAnticoagulated;
        List<ModalityAssessment> modalities = Arrays.stream(Modality.values())
                .map(modality -> evaluate(answers, anticoagulated, modality)).toList();
        Modality planned = Screening.headlineModality(answers);
        ModalityAssessment headline = modalities.get(planned.ordinal());
        return new Assessment(headline.result(), headline.reasons(), headline.unanswered(), modalities);
    }

    private static ModalityAssessment evaluate(ScreeningAnswers answers, Boolean anticoagulated, Modality modality) {
        boolean cold = modality == Modality.CRYONEUROLYSIS;
        List<ScreeningReason> reasons = new ArrayList<>();
        if (isTrue(answers.activeInfection())) {
            reasons.add(ScreeningReason.ACTIVE_INFECTION);
        }
        if (isTrue(answers.coagulopathy())) {
            reasons.add(ScreeningReason.COAGULOPATHY);
        }
        if (isTrue(anticoagulated) && isFalse(answers.anticoagulationHeld())) {
            reasons.add(ScreeningReason.ANTICOAGULATION_NOT_HELD);
        }
        if (isTrue(answers.severePeripheralVascularDisease())) {
            reasons.add(ScreeningReason.SEVERE_PERIPHERAL_VASCULAR_DISEASE);
        }
        if (cold && isTrue(answers.coldIntolerance())) {
            reasons.add(ScreeningReason.COLD_INTOLERANCE);
        }
        if (isFalse(answers.peripheralNerveDistribution())) {
            reasons.add(ScreeningReason.PAIN_NOT_IN_PERIPHERAL_NERVE_DISTRIBUTION);
        }
        if (answers.chronicPainMonths() != null && answers.chronicPainMonths() < TYPICAL_CHRONIC_PAIN_MONTHS) {
            reasons.add(ScreeningReason.PAIN_UNDER_THREE_MONTHS);
        }
        if (isFalse(answers.refractoryToMedication())) {
            reasons.add(ScreeningReason.NOT_REFRACTORY_TO_MEDICATION);
        }
        if (isFalse(answers.refractoryToPhysicalTherapy())) {
            reasons.add(ScreeningReason.NOT_REFRACTORY_TO_PHYSICAL_THERAPY);
        }
        if (isTrue(anticoagulated) && answers.anticoagulationHeld() == null) {
            reasons.add(ScreeningReason.ANTICOAGULATION_PLAN_UNKNOWN);
        }
        List<String> unanswered = unanswered(answers, anticoagulated, cold);
        if (!unanswered.isEmpty()) {
            reasons.add(ScreeningReason.INCOMPLETE_ANSWERS);
        }
        return new ModalityAssessment(modality, resultOf(reasons), List.copyOf(reasons), unanswered);
    }

    private static ScreeningResult resultOf(List<ScreeningReason> reasons) {
        if (reasons.stream().anyMatch(reason -> reason.leadsTo() == ScreeningResult.NOT_ELIGIBLE)) {
            return ScreeningResult.NOT_ELIGIBLE;
        }
        return reasons.isEmpty() ? ScreeningResult.ELIGIBLE : ScreeningResult.NEEDS_REVIEW;
    }

    private static List<String> unanswered(ScreeningAnswers answers, Boolean anticoagulated, boolean cold) {
        Map<String, Object> questions = new LinkedHashMap<>();
        questions.put("chronicPainMonths", answers.chronicPainMonths());
        questions.put("peripheralNerveDistribution", answers.peripheralNerveDistribution());
        questions.put("refractoryToMedication", answers.refractoryToMedication());
        questions.put("refractoryToPhysicalTherapy", answers.refractoryToPhysicalTherapy());
        questions.put("activeInfection", answers.activeInfection());
        questions.put("coagulopathy", answers.coagulopathy());
        // neither the screening nor the chart says: "not anticoagulated" must not be assumed
        questions.put("anticoagulated", anticoagulated);
        questions.put("severePeripheralVascularDisease", answers.severePeripheralVascularDisease());
        if (cold) {
            questions.put("coldIntolerance", answers.coldIntolerance());
        }
        return questions.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).toList();
    }

    private static boolean isTrue(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    private static boolean isFalse(Boolean answer) {
        return Boolean.FALSE.equals(answer);
    }
}
