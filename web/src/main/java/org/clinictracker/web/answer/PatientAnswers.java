package org.clinictracker.web.answer;

import java.util.List;

/**
 * The answers as followup-service's {@code POST /api/patient-answers} takes them: numbers as numbers, yes/no as
 * booleans, side effects by their {@code AdverseEventType} names. Built only from a form that passed
 * {@link AnswerFormCheck}.
 */
record PatientAnswers(String token, Integer painNow, Integer painAverage, Integer enjoymentOfLife,
        Integer generalActivity, Integer reliefPercent, Integer satisfaction, Boolean sensationReturned,
        SideEffects sideEffects, String comments) {

    /** The side effects the patient noticed; null on the answers when they noticed none. */
    record SideEffects(List<String> types, String otherDescription, String worst, Boolean neededMedicalCare,
            Boolean stillThere) {
    }
}
