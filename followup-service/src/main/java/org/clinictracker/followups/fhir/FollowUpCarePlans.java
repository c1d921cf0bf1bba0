package org.clinictracker.followups.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedPlan;
import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedVisit;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * A follow-up plan as a {@code CarePlan} (id = the plan's): the protocol's visits are its activities, each referring
 * to its Appointment and to the Observations its outcome produced. A CarePlan rather than nothing: it is what ties a
 * visit to the procedure's plan (R4's Appointment.basedOn may only name a ServiceRequest), and it says whether
 * follow-up is still going on.
 */
@Component
class FollowUpCarePlans {

    CarePlan of(RecordedPlan plan, List<RecordedVisit> visits, Map<UUID, List<Observation>> outcomesByVisit) {
        CarePlan carePlan = new CarePlan();
        carePlan.setId(plan.id().toString());
        // finished when no visit is left to do (all done, missed or cancelled)
        carePlan.setStatus(visits.stream().anyMatch(visit -> "OPEN".equals(visit.state())) ? CarePlanStatus.ACTIVE
                : CarePlanStatus.COMPLETED);
        carePlan.setIntent(CarePlanIntent.PLAN);
        String modality = FollowUpWords.modality(plan.modality());
        carePlan.setTitle("Follow-up after " + modality);
        carePlan.setDescription("Follow-up protocol version " + plan.protocolVersion() + " for " + modality
                + " performed on " + plan.performedOn() + " (treatment " + plan.treatmentNumber() + ")");
        carePlan.setSubject(new Reference("Patient/" + plan.patientId()));
        carePlan.setPeriod(new Period().setStartElement(new DateTimeType(plan.performedOn().toString())));
        carePlan.setCreatedElement(new DateTimeType(Date.from(plan.createdAt()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("UTC")));
        carePlan.addSupportingInfo(new Reference("Procedure/" + plan.procedureId()));
        for (RecordedVisit visit : visits) {
            CarePlanActivityComponent activity = carePlan.addActivity()
                    .setReference(new Reference("Appointment/" + visit.id()));
            for (Observation outcome : outcomesByVisit.getOrDefault(visit.id(), List.of())) {
                activity.addOutcomeReference(new Reference("Observation/" + outcome.getIdPart()));
            }
        }
        return carePlan;
    }
}
