package org.clinictracker.procedures.fhir;

import org.clinictracker.procedures.adverse.AdverseEvent;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * A complication of a procedure as the patient's condition (Procedure.complicationDetail and the AdverseEvent's
 * {@code resultingCondition}): what it is, how severe, since when, and whether it has resolved. Its id is derived
 * from the adverse event's.
 */
final class ConditionResource {

    private static final String CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private ConditionResource() {
    }

    static Condition complication(AdverseEvent event) {
        Condition condition = new Condition();
        condition.setId(RecordIds.derived("complication", event.id()));
        condition.setClinicalStatus(resolved(event.outcome())
                ? new CodeableConcept(new Coding(CLINICAL_STATUS, "resolved", "Resolved"))
                : new CodeableConcept(new Coding(CLINICAL_STATUS, "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION_STATUS, "confirmed", "Confirmed")));
        condition.setSeverity(severity(event));
        condition.setCode(ClinicalCodes.adverseEventType(event.type(), event.description()));
        condition.setSubject(RecordIds.patient(event.patientId()));
        condition.setOnset(RecordIds.day(event.onsetOn()));
        // con-4: only a resolved condition may have abated
        if (resolved(event.outcome()) && event.resolvedOn() != null) {
            condition.setAbatement(RecordIds.day(event.resolvedOn()));
        }
        condition.setRecordedDateElement(RecordIds.dateTime(event.reportedAt()));
        if (event.notes() != null && !event.notes().isBlank()) {
            condition.addNote().setText(event.notes());
        }
        return condition;
    }

    private static boolean resolved(AdverseEventOutcome outcome) {
        return outcome == AdverseEventOutcome.RESOLVED || outcome == AdverseEventOutcome.RESOLVED_WITH_SEQUELAE;
    }

    /** R4's condition-severity value set (SNOMED CT: severe, moderate, mild). */
    private static CodeableConcept severity(AdverseEvent event) {
        Coding coding = switch (event.severity()) {
            case MILD -> ClinicalCodes.snomed("255604002", "Mild");
            case MODERATE -> ClinicalCodes.snomed("6736007", "Moderate");
            case SEVERE -> ClinicalCodes.snomed("24484000", "Severe");
        };
        return new CodeableConcept(coding);
    }
}
