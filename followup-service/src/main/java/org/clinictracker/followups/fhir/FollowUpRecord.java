package org.clinictracker.followups.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What followup-service holds of a patient's record, as FHIR R4 resources in a collection Bundle (platform-fhir's
 * {@link RecordPart}); reading it is audited. A patient this service has nothing about has an empty part, not a 404:
 * the record's assembler asks every service, and most patients have no follow-up yet.
 */
@Service
class FollowUpRecord {

    private final FollowUpRecordRepository repository;
    private final OutcomeObservations observations;
    private final FhirRecordProperties fhir;
    private final AuditTrail audit;

    FollowUpRecord(FollowUpRecordRepository repository, OutcomeObservations observations, FhirRecordProperties fhir,
            AuditTrail audit) {
        this.repository = repository;
        this.observations = observations;
        this.fhir = fhir;
        this.audit = audit;
    }

    /** The patient's part as FHIR JSON; resources in a fixed order so two exports of one record are identical. */
    @Transactional
    String of(UUID patientId) {
        List<Resource> resources = new ArrayList<>();
        repository.outcomes(patientId).forEach(outcome -> resources.addAll(observations.of(outcome)));
        audit.record(patientId, "FOLLOW_UP_FHIR_RECORD_READ", "fhir");
        return ClinicFhir.toJson(RecordPart.of(fhir, resources));
    }
}
