package org.clinictracker.patients.screening;

/**
 * Why a screening is not simply {@code ELIGIBLE}. Contraindications make the patient
 * {@code NOT_ELIGIBLE}; gaps and soft criteria leave the decision to a proceduralist ({@code NEEDS_REVIEW}).
 */
public enum ScreeningReason {

    ACTIVE_INFECTION(ScreeningResult.NOT_ELIGIBLE, "Active infection, systemic or at the treatment site"),
    COAGULOPATHY(ScreeningResult.NOT_ELIGIBLE, "Coagulopathy or bleeding diathesis"),
    ANTICOAGULATION_NOT_HELD(ScreeningResult.NOT_ELIGIBLE, "Anticoagulated and the anticoagulant is not held"),
    SEVERE_PERIPHERAL_VASCULAR_DISEASE(ScreeningResult.NOT_ELIGIBLE, "Severe peripheral vascular disease"),
    COLD_INTOLERANCE(ScreeningResult.NOT_ELIGIBLE,
            "Cold-specific condition (cryoglobulinemia, cold urticaria, paroxysmal cold haemoglobinuria, Raynaud's): no cryoneurolysis"),
    PAIN_NOT_IN_PERIPHERAL_NERVE_DISTRIBUTION(ScreeningResult.NOT_ELIGIBLE,
            "Pain does not follow a peripheral-nerve distribution"),
    PAIN_UNDER_THREE_MONTHS(ScreeningResult.NEEDS_REVIEW, "Pain for less than the typical 3 months"),
    NOT_REFRACTORY_TO_MEDICATION(ScreeningResult.NEEDS_REVIEW, "Medication has not yet been tried or still helps"),
    NOT_REFRACTORY_TO_PHYSICAL_THERAPY(ScreeningResult.NEEDS_REVIEW, "Physical therapy has not yet been tried or still helps"),
    ANTICOAGULATION_PLAN_UNKNOWN(ScreeningResult.NEEDS_REVIEW, "Anticoagulated, and whether it will be held is not recorded"),
    INCOMPLETE_ANSWERS(ScreeningResult.NEEDS_REVIEW, "Some screening questions are unanswered");

    private final ScreeningResult leadsTo;
    private final String message;

    ScreeningReason(ScreeningResult leadsTo, String message) {
        this.leadsTo = leadsTo;
        this.message = message;
    }

    public ScreeningResult leadsTo() {
        return leadsTo;
    }

    public String message() {
        return message;
    }
}
