package org.clinictracker.patients.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Device.DeviceNameType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * The parts procedure-service and followup-service answer, as the stand-in serves them: a cryoneurolysis of the
 * right genicular nerve with its probe, an adverse event, a month-3 visit and its pain score. Their fullUrls are
 * under another base than patient-service's, as a misconfigured service would write them.
 */
final class RecordPartFixtures {

    static final FhirRecordProperties OTHER_BASE = new FhirRecordProperties("http://elsewhere.example/fhir");

    private RecordPartFixtures() {
    }

    static UUID procedureId(String patientId) {
        return id("procedure:" + patientId);
    }

    static String proceduresPart(String patientId) {
        Reference patient = new Reference("Patient/" + patientId);
        Device probe = new Device();
        probe.setId(id("probe:" + patientId).toString());
        probe.addDeviceName().setName("Cryo probe 3.0").setType(DeviceNameType.MODELNAME);
        probe.setPatient(patient);

        BodyStructure target = new BodyStructure();
        target.setId(id("target:" + patientId).toString());
        target.setPatient(patient);
        target.getLocation().addCoding(new Coding(ClinicCodeSystems.NERVE, "GENICULAR_SUPEROMEDIAL", "Superomedial genicular nerve"));
        target.addLocationQualifier(new CodeableConcept(new Coding(ClinicCodeSystems.SNOMED, "419465000", "Unilateral right")));

        Procedure procedure = new Procedure();
        procedure.setId(procedureId(patientId).toString());
        procedure.setStatus(ProcedureStatus.COMPLETED);
        procedure.getCode().addCoding(new Coding(ClinicCodeSystems.MODALITY, "CRYONEUROLYSIS", "Cryoneurolysis"));
        procedure.setSubject(patient);
        procedure.setPerformed(new DateTimeType("2026-08-03T09:30:00Z"));
        procedure.addPerformer().getActor().setDisplay("proceduralist1");
        procedure.addBodySite().setText("Right superomedial genicular nerve")
                .addCoding(new Coding(ClinicCodeSystems.NERVE, "GENICULAR_SUPEROMEDIAL", "Superomedial genicular nerve"));
        // R4 allows this extension on the Procedure itself, not on its bodySite
        procedure.addExtension("http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure",
                new Reference("BodyStructure/" + target.getIdPart()));
        procedure.addFocalDevice().setManipulated(new Reference("Device/" + probe.getIdPart()));
        procedure.addComplication().setText("Skin burn at the probe site");

        AdverseEvent event = new AdverseEvent();
        event.setId(id("adverse-event:" + patientId).toString());
        event.setActuality(AdverseEventActuality.ACTUAL);
        event.getEvent().addCoding(new Coding(ClinicCodeSystems.ADVERSE_EVENT_TYPE, "SKIN_BURN", "Skin burn"));
        event.setSubject(patient);
        event.setDate(Date.from(java.time.Instant.parse("2026-08-04T00:00:00Z")));
        event.setSeriousness(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", "Non-serious", "Non-serious")));
        event.addSuspectEntity().setInstance(new Reference("Procedure/" + procedure.getIdPart()));

        return ClinicFhir.toJson(RecordPart.of(OTHER_BASE, List.of(probe, target, procedure, event)));
    }

    static String followupsPart(String patientId) {
        Reference patient = new Reference("Patient/" + patientId);
        Appointment visit = new Appointment();
        visit.setId(id("visit:" + patientId).toString());
        visit.setStatus(AppointmentStatus.FULFILLED);
        visit.setAppointmentType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0276",
                "FOLLOWUP", "A follow up visit from a previous appointment")));
        visit.setDescription("Month 3 follow-up");
        // a fulfilled visit has both its start and end (app-3)
        visit.setStart(Date.from(java.time.Instant.parse("2026-11-02T10:00:00Z")));
        visit.setEnd(Date.from(java.time.Instant.parse("2026-11-02T10:20:00Z")));
        visit.addParticipant().setActor(patient).setStatus(ParticipationStatus.ACCEPTED);

        Observation pain = new Observation();
        pain.setId(id("pain:" + patientId).toString());
        pain.setStatus(ObservationStatus.FINAL);
        pain.addCategory(new CodeableConcept(new Coding(ClinicCodeSystems.OBSERVATION_CATEGORY, "survey", "Survey")));
        pain.getCode().addCoding(new Coding(ClinicCodeSystems.LOINC, "72514-3",
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
        pain.setSubject(patient);
        pain.setEffective(new DateTimeType("2026-11-02T10:00:00Z"));
        pain.setValue(new IntegerType(3));
        pain.addPartOf(new Reference("Procedure/" + procedureId(patientId)));

        return ClinicFhir.toJson(RecordPart.of(OTHER_BASE, List.of(visit, pain)));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
