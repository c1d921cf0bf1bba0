package org.clinictracker.procedures.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.clinictracker.procedures.adverse.AdverseEvent;
import org.clinictracker.procedures.adverse.AdverseEventLog;
import org.clinictracker.procedures.fhir.ProcedureResource.Complication;
import org.clinictracker.procedures.procedure.ProcedureRecord;
import org.clinictracker.procedures.procedure.ProcedureRepository;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * procedure-service's part of a patient's FHIR record, which patient-service assembles into {@code $everything}:
 * every procedure in its current version with its targets, device, measurements and complications. Reading it is
 * audited like any read of the patient's procedures, whether or not there are any.
 */
@Service
public class ProcedureRecordPart {

    private final ProcedureRepository procedures;
    private final AdverseEventLog adverseEvents;
    private final AuditTrail audit;
    private final FhirRecordProperties fhir;

    public ProcedureRecordPart(ProcedureRepository procedures, AdverseEventLog adverseEvents, AuditTrail audit,
            FhirRecordProperties fhir) {
        this.procedures = procedures;
        this.adverseEvents = adverseEvents;
        this.audit = audit;
        this.fhir = fhir;
    }

    @Transactional
    public Bundle of(UUID patientId) {
        List<ProcedureRecord> found = procedures.ofPatient(patientId);
        Map<UUID, List<AdverseEvent>> events = adverseEvents.forProcedures(found.stream().map(ProcedureRecord::id).toList());
        audit.record(patientId, "PROCEDURES_EXPORTED", "procedure record as FHIR");
        List<Resource> resources = new ArrayList<>();
        for (ProcedureRecord record : found) {
            resources.addAll(resourcesOf(record, events.getOrDefault(record.id(), List.of())));
        }
        return RecordPart.of(fhir, resources);
    }

    /** The Procedure first, then what it refers to. */
    static List<Resource> resourcesOf(ProcedureRecord record, List<AdverseEvent> events) {
        List<BodyStructure> targets = new ArrayList<>();
        for (int i = 0; i < record.details().targets().size(); i++) {
            targets.add(BodyStructureResource.of(record.id(), i, record.patientId(), record.details().targets().get(i)));
        }
        Optional<Device> device = DeviceResource.of(record.id(), record.patientId(), record.details().modality(),
                record.details().device());
        List<Complication> complications = events.stream()
                .map(event -> new Complication(event, ConditionResource.complication(event)))
                .toList();

        List<Resource> resources = new ArrayList<>();
        resources.add(ProcedureResource.of(record, targets, device, complications));
        resources.addAll(targets);
        device.ifPresent(resources::add);
        resources.addAll(ObservationResource.painScores(record));
        resources.addAll(ObservationResource.settings(record, device));
        for (Complication complication : complications) {
            Condition condition = complication.condition();
            resources.add(condition);
            resources.add(AdverseEventResource.of(complication.event(), condition));
        }
        return resources;
    }
}
