package org.clinictracker.followups.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedOutcome;
import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedPlan;
import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedVisit;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What followup-service holds of a patient's record, as FHIR R4 resources in a collection Bundle (platform-fhir's
 * {@link RecordPart}): the plans (CarePlan), their visits (Appointment), the outcomes (Observation) and the
 * repeat-treatment candidates (ServiceRequest). Complications noticed at a visit are not here: procedure-service
 * publishes them as the procedure's AdverseEvents, and they would appear twice.
 * <p>
 * Reading it is audited. A patient this service has nothing about has an empty part, not a 404: the record's
 * assembler asks every service, and most patients have no follow-up yet.
 */
@Service
class FollowUpRecord {

    private final FollowUpRecordRepository repository;
    private final FollowUpCarePlans carePlans;
    private final FollowUpAppointments appointments;
    private final OutcomeObservations observations;
    private final RepeatTreatmentRequests repeatRequests;
    private final FhirRecordProperties fhir;
    private final AuditTrail audit;

    FollowUpRecord(FollowUpRecordRepository repository, FollowUpCarePlans carePlans, FollowUpAppointments appointments,
            OutcomeObservations observations, RepeatTreatmentRequests repeatRequests, FhirRecordProperties fhir,
            AuditTrail audit) {
        this.repository = repository;
        this.carePlans = carePlans;
        this.appointments = appointments;
        this.observations = observations;
        this.repeatRequests = repeatRequests;
        this.fhir = fhir;
        this.audit = audit;
    }

    /** The patient's part as FHIR JSON; resources in a fixed order so two exports of one record are identical. */
    @Transactional
    String of(UUID patientId) {
        List<RecordedVisit> visits = repository.visits(patientId);
        Map<UUID, List<Observation>> outcomesByVisit = new LinkedHashMap<>();
        for (RecordedOutcome outcome : repository.outcomes(patientId)) {
            outcomesByVisit.put(outcome.visitId(), observations.of(outcome));
        }
        Map<UUID, List<RecordedVisit>> visitsByPlan = visits.stream()
                .collect(Collectors.groupingBy(RecordedVisit::planId));

        List<Resource> resources = new ArrayList<>();
        for (RecordedPlan plan : repository.plans(patientId)) {
            resources.add(carePlans.of(plan, visitsByPlan.getOrDefault(plan.id(), List.of()), outcomesByVisit));
        }
        visits.forEach(visit -> resources.add(appointments.of(visit)));
        outcomesByVisit.values().forEach(resources::addAll);
        repository.repeatCandidates(patientId).forEach(candidate -> resources.add(
                repeatRequests.of(candidate, outcomesByVisit.getOrDefault(candidate.visitId(), List.of()))));
        audit.record(patientId, "FOLLOW_UPS_EXPORTED", "follow-up record as FHIR");
        return ClinicFhir.toJson(RecordPart.of(fhir, resources));
    }
}
