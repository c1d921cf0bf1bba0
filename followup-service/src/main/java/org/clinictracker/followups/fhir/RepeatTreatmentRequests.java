package org.clinictracker.followups.fhir;

import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedCandidate;
import org.clinictracker.followups.outcome.WaningReason;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * A repeat-treatment candidate as a {@code ServiceRequest} (id = the candidate's): the clinic proposing the same
 * treatment again because relief waned (intent proposal: a coordinator decides), with the coordinator's decision as
 * its status and the outcome that showed the waning as its reason.
 */
@Component
class RepeatTreatmentRequests {

    static final String WANING_REASON = ClinicCodeSystems.LOCAL + "/waning-reason";

    ServiceRequest of(RecordedCandidate candidate, List<Observation> waningOutcome) {
        ServiceRequest request = new ServiceRequest();
        request.setId(candidate.id().toString());
        request.setStatus(status(candidate.status()));
        request.setIntent(ServiceRequestIntent.PROPOSAL);
        String modality = FollowUpWords.modality(candidate.modality());
        request.setCode(new CodeableConcept(new Coding(ClinicCodeSystems.MODALITY, candidate.modality(), modality))
                .setText("Repeat " + modality));
        request.setSubject(new Reference("Patient/" + candidate.patientId()));
        request.setAuthoredOnElement(new DateTimeType(Date.from(candidate.createdAt()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("UTC")));
        // the follow-up plan it comes out of, and the procedure whose relief waned
        request.addBasedOn(new Reference("CarePlan/" + candidate.planId()));
        request.addSupportingInfo(new Reference("Procedure/" + candidate.procedureId()));
        CodeableConcept waning = new CodeableConcept().setText("Waning relief: " + candidate.reasons().stream()
                .map(reason -> WaningReason.valueOf(reason).text()).collect(Collectors.joining(", ")));
        candidate.reasons().forEach(reason -> waning.addCoding(new Coding(WANING_REASON, reason,
                WaningReason.valueOf(reason).text())));
        request.addReasonCode(waning);
        waningOutcome.forEach(observation -> request.addReasonReference(new Reference("Observation/" + observation.getIdPart())));
        return request;
    }

    /** Open or with a consultation booked: still active; dismissed: revoked; repeated: done. */
    static ServiceRequestStatus status(String candidateStatus) {
        return switch (candidateStatus) {
            case "OPEN", "CONSULT_BOOKED" -> ServiceRequestStatus.ACTIVE;
            case "DISMISSED" -> ServiceRequestStatus.REVOKED;
            case "REPEATED" -> ServiceRequestStatus.COMPLETED;
            default -> throw new IllegalArgumentException("Unknown candidate status " + candidateStatus);
        };
    }
}
