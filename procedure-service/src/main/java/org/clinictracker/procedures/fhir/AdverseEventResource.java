package org.clinictracker.procedures.fhir;

import java.util.Date;

import org.clinictracker.procedures.adverse.AdverseEvent;
import org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * A complication as an R4 AdverseEvent: it happened ({@code actual}), to this patient, after this procedure (the
 * suspect entity), with its seriousness, severity and outcome in HL7's own code systems (required or checked
 * offline: seriousness is {@code Serious}/{@code Non-serious}, capitalised), and the Condition it left.
 */
final class AdverseEventResource {

    private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    private AdverseEventResource() {
    }

    static org.hl7.fhir.r4.model.AdverseEvent of(AdverseEvent event, Condition resulting) {
        org.hl7.fhir.r4.model.AdverseEvent adverse = new org.hl7.fhir.r4.model.AdverseEvent();
        adverse.setId(event.id().toString());
        adverse.getMeta().setVersionId(String.valueOf(event.version()))
                .setLastUpdated(Date.from(event.updatedAt()));
        adverse.setActuality(AdverseEventActuality.ACTUAL);
        adverse.setEvent(ClinicalCodes.adverseEventType(event.type(), event.description()));
        adverse.setSubject(RecordIds.patient(event.patientId()));
        adverse.setDateElement(RecordIds.day(event.onsetOn()));
        adverse.setRecordedDateElement(RecordIds.dateTime(event.reportedAt()));
        adverse.addResultingCondition(RecordIds.to(resulting));
        adverse.setSeriousness(new CodeableConcept(event.serious()
                ? new Coding(SERIOUSNESS, "Serious", "Serious")
                : new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
        adverse.setSeverity(new CodeableConcept(switch (event.severity()) {
            case MILD -> new Coding(SEVERITY, "mild", "Mild");
            case MODERATE -> new Coding(SEVERITY, "moderate", "Moderate");
            case SEVERE -> new Coding(SEVERITY, "severe", "Severe");
        }));
        adverse.setOutcome(new CodeableConcept(switch (event.outcome()) {
            case RESOLVED -> new Coding(OUTCOME, "resolved", "Resolved");
            case RESOLVING -> new Coding(OUTCOME, "recovering", "Recovering");
            case ONGOING -> new Coding(OUTCOME, "ongoing", "Ongoing");
            case RESOLVED_WITH_SEQUELAE -> new Coding(OUTCOME, "resolvedWithSequelae", "Resolved with Sequelae");
        }));
        adverse.addSuspectEntity().setInstance(RecordIds.procedure(event.procedureId()));
        return adverse;
    }
}
