package org.clinictracker.patients.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.vocabulary.Modality;

/** The clinic's candidacy rules: from the answers (and whether the patient is anticoagulated) to a result with reasons. */
public final class ScreeningEvaluator {

    static final int TYPICAL_CHRONIC_PAIN_MONTHS = 3;

    private ScreeningEvaluator() {
    }

    public record Assessment(ScreeningResult result, List<ScreeningReason> reasons, List<String> unanswered) {
    }

    public static Assessment evaluate(ScreeningAnswers answers, Boolean patientAnticoagulated) {
        List<ScreeningReason> reasons = new ArrayList<>();
        if (isTrue(answers.activeInfection())) {
            reasons.add(ScreeningReason.ACTIVE_INFECTION);
        }
        if (isTrue(answers.coagulopathy())) {
            reasons.add(ScreeningReason.COAGULOPATHY);
        }
        if (isTrue(patientAnticoagulated) && isFalse(answers.anticoagulationHeld())) {
            reasons.add(ScreeningReason.ANTICOAGULATION_NOT_HELD);
        }
        if (isTrue(answers.severePeripheralVascularDisease())) {
            reasons.add(ScreeningReason.SEVERE_PERIPHERAL_VASCULAR_DISEASE);
        }
        if (isTrue(answers.coldIntolerance()) && coldTreatmentPlanned(answers.plannedModality())) {
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
        if (isTrue(patientAnticoagulated) && answers.anticoagulationHeld() == null) {
            reasons.add(ScreeningReason.ANTICOAGULATION_PLAN_UNKNOWN);
        }
        List<String> unanswered = unanswered(answers);
        if (!unanswered.isEmpty()) {
            reasons.add(ScreeningReason.INCOMPLETE_ANSWERS);
        }
        return new Assessment(resultOf(reasons), List.copyOf(reasons), unanswered);
    }

    private static ScreeningResult resultOf(List<ScreeningReason> reasons) {
        if (reasons.stream().anyMatch(reason -> reason.leadsTo() == ScreeningResult.NOT_ELIGIBLE)) {
            return ScreeningResult.NOT_ELIGIBLE;
        }
        return reasons.isEmpty() ? ScreeningResult.ELIGIBLE : ScreeningResult.NEEDS_REVIEW;
    }

    private static List<String> unanswered(ScreeningAnswers answers) {
        Map<String, Object> questions = new LinkedHashMap<>();
        questions.put("chronicPainMonths", answers.chronicPainMonths());
        questions.put("peripheralNerveDistribution", answers.peripheralNerveDistribution());
        questions.put("refractoryToMedication", answers.refractoryToMedication());
        questions.put("refractoryToPhysicalTherapy", answers.refractoryToPhysicalTherapy());
        questions.put("activeInfection", answers.activeInfection());
        questions.put("coagulopathy", answers.coagulopathy());
        questions.put("severePeripheralVascularDisease", answers.severePeripheralVascularDisease());
        if (coldTreatmentPlanned(answers.plannedModality())) {
            questions.put("coldIntolerance", answers.coldIntolerance());
        }
        return questions.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).toList();
    }

    private static boolean coldTreatmentPlanned(Modality planned) {
        return planned == null || planned == Modality.CRYONEUROLYSIS;
    }

    private static boolean isTrue(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    private static boolean isFalse(Boolean answer) {
        return Boolean.FALSE.equals(answer);
    }
}
