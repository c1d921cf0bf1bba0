package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.systemtests.ServiceProcess;
import org.clinictracker.systemtests.journey.RequestLog.SentRequest;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import ca.uhn.fhir.context.FhirContext;
import tools.jackson.databind.JsonNode;

/**
 * The record as FHIR R4 on the running clinic, through the gateway with real tokens: three patients between them
 * treated with every modality (the knee journey's cryoneurolysis and its repeat, an RFA with a serious complication,
 * a nerve block), each exported by {@code GET /api/fhir/Patient/{id}/$everything} as one searchset Bundle that
 * HAPI's validator passes with zero errors, holding the MRN, each treated nerve with its side, the adverse events,
 * the pain scores and the follow-up visits. The clinical readers and the admin export it, the front desk may not,
 * and each export is on the patient's audit trail under the request id it was sent with, as each part is on its
 * service's. With a part's service stopped, nothing is exported (503).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirExportSystemTests {

    private static final String LOINC_PAIN = "72514-3";
    private static final String MRN_SYSTEM = "https://clinic-tracker.org/fhir/NamingSystem/mrn";
    private static final String RIGHT = "419465000";
    private static final String LEFT = "419161000";
    private static final String BILATERAL = "51440002";

    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);

    private static ClinicSystem clinic;
    private static KneeJourney knee;
    private static SingleTreatment rfa;
    private static SingleTreatment block;

    @BeforeAll
    static void treatPatientsWithEveryModality() {
        clinic = ClinicSystem.start();
        String gateway = clinic.baseUrl(ClinicService.GATEWAY);
        knee = new KneeJourney(gateway);
        knee.walk(milestone -> { });
        rfa = SingleTreatment.radiofrequencyAblation(gateway);
        block = SingleTreatment.nerveBlock(gateway);
    }

    @Test
    void every_patients_record_is_one_valid_fhir_r4_bundle_with_their_treatments() {
        Map<String, Bundle> records = new LinkedHashMap<>();
        records.put("cryoneurolysis and repeat", exported(knee.admin, knee.patientId));
        records.put("radiofrequency ablation", exported(knee.admin, rfa.patientId));
        records.put("nerve block", exported(knee.admin, block.patientId));

        assertRecord(records.get("cryoneurolysis and repeat"), knee.patientId, knee.mrn, 2, RIGHT);
        assertRecord(records.get("radiofrequency ablation"), rfa.patientId, rfa.mrn, 1, LEFT);
        assertRecord(records.get("nerve block"), block.patientId, block.mrn, 1, BILATERAL);

        assertThat(resources(records.get("cryoneurolysis and repeat"), Procedure.class))
                .extracting(procedure -> procedure.getIdPart())
                .containsExactlyInAnyOrder(knee.procedureId.toString(), knee.repeatProcedureId.toString());
        assertThat(resources(records.get("radiofrequency ablation"), AdverseEvent.class))
                .as("the serious complication of the RFA")
                .anySatisfy(event -> assertThat(event.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Serious"));
    }

    @Test
    void the_clinical_readers_and_the_admin_export_the_record_the_front_desk_may_not() {
        String path = everything(rfa.patientId);
        for (ClinicClient reader : List.of(knee.admin, knee.proceduralist, knee.coordinator)) {
            HttpAnswer answer = reader.get("fhir-export-by-role", path);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/fhir+json");
        }
        HttpAnswer frontDesk = knee.frontDesk.get("fhir-export-front-desk", path);
        assertThat(frontDesk.refusedAsForbidden()).as("front desk: %s", frontDesk).isTrue();
        HttpAnswer nobody = knee.nobody.get("fhir-export-no-token", path);
        assertThat(nobody.refusedAsUnauthenticated()).as("no token: %s", nobody).isTrue();
        HttpAnswer unknown = knee.admin.get("fhir-export-unknown", everything(UUID.randomUUID()));
        assertThat(unknown.status()).as("unknown patient: %s", unknown).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void each_export_is_on_the_patients_audit_trail_under_its_request_id() {
        HttpAnswer exported = knee.coordinator.get("fhir-export-audited", everything(block.patientId));
        assertThat(exported.status()).as("%s", exported).isEqualTo(200);
        SentRequest sent = knee.requests.of("fhir-export-audited");

        List<String> exports = new ArrayList<>();
        for (JsonNode entry : knee.auditTrail("/api/patients/" + block.patientId + "/audit")) {
            if ("FHIR_RECORD_EXPORTED".equals(entry.get("action").asString())) {
                exports.add(entry.get("actor").asString() + " " + text(entry, "requestId"));
            }
        }
        assertThat(exports).contains("coordinator1 " + sent.requestId());
        // the parts were read with the coordinator's own token, in the same request: each service audited its part so
        for (String trail : List.of("/api/procedures/audit?patientId=", "/api/followups/audit?patientId=")) {
            assertThat(knee.auditTrail(trail + block.patientId)).as(trail)
                    .anySatisfy(entry -> {
                        assertThat(entry.get("actor").asString()).isEqualTo("coordinator1");
                        assertThat(text(entry, "requestId")).isEqualTo(sent.requestId());
                    });
        }
    }

    /**
     * All or nothing: with followup-service stopped the export is refused with 503, naming the part, rather than
     * answered without the follow-ups. Last, as it stops a service (started again and healthy before it ends).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void with_a_part_of_the_record_unavailable_nothing_is_exported() {
        ServiceProcess followups = clinic.service(ClinicService.FOLLOWUPS);
        String url = clinic.baseUrl(ClinicService.GATEWAY) + everything(rfa.patientId);
        followups.stop();
        try {
            // straight through the gateway, once: a person's client would try again after a 503
            HttpAnswer refused = HttpAnswer.call("GET", url, KeycloakTokens.accessToken("admin1"));
            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.problemCode()).isEqualTo("record-part-unavailable");
            assertThat(refused.json().get("part").asString()).isEqualTo("follow-ups");
            assertThat(refused.body()).doesNotContain("resourceType");
        } finally {
            followups.start();
            followups.awaitHealthy(RESTART_TIMEOUT);
        }
        Awaitility.await("the whole record again once followup-service is back").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> HttpAnswer.call("GET", url, KeycloakTokens.accessToken("admin1")).status() == 200);
    }

    private static Bundle exported(ClinicClient caller, UUID patientId) {
        HttpAnswer answer = caller.get("fhir-export", everything(patientId));
        assertThat(answer.status()).as("export of %s: %s", patientId, answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/fhir+json");
        assertThat(FhirRecordValidator.errors(answer.body())).as("HAPI's validator on the record of %s", patientId).isEmpty();
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer.body());
    }

    /** The MRN, the treatments with each nerve's side, a complication, pain scores, follow-up visits. */
    private static void assertRecord(Bundle record, UUID patientId, String mrn, int procedures, String side) {
        assertThat(record.getType()).isEqualTo(BundleType.SEARCHSET);
        assertThat(record.getTotal()).isEqualTo(1);
        Patient patient = resources(record, Patient.class).get(0);
        assertThat(patient.getIdPart()).isEqualTo(patientId.toString());
        assertThat(patient.getIdentifier()).anySatisfy(identifier -> {
            assertThat(identifier.getSystem()).isEqualTo(MRN_SYSTEM);
            assertThat(identifier.getValue()).isEqualTo(mrn);
            assertThat(identifier.getType().getCodingFirstRep().getCode()).isEqualTo("MR");
        });
        List<Procedure> treatments = resources(record, Procedure.class);
        assertThat(treatments).hasSize(procedures);
        Map<String, BodyStructure> structures = new LinkedHashMap<>();
        resources(record, BodyStructure.class).forEach(structure -> structures.put("BodyStructure/" + structure.getIdPart(), structure));
        for (Procedure treatment : treatments) {
            assertThat(treatment.getBodySite()).as("the treated nerves").isNotEmpty();
            List<String> sides = treatment.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure")
                    .stream()
                    .map(extension -> structures.get(((Reference) extension.getValue()).getReference()))
                    .map(structure -> structure.getLocationQualifierFirstRep().getCodingFirstRep().getCode())
                    .toList();
            assertThat(sides).as("each target's side").hasSize(treatment.getBodySite().size()).containsOnly(side);
        }
        assertThat(resources(record, AdverseEvent.class)).as("the complications").isNotEmpty();
        assertThat(resources(record, Observation.class)).as("pain scores")
                .anySatisfy(observation -> assertThat(observation.getCode().getCoding())
                        .anySatisfy(coding -> assertThat(coding.getCode()).isEqualTo(LOINC_PAIN)));
        assertThat(resources(record, Appointment.class)).as("the follow-up visits").isNotEmpty();
        for (BundleEntryComponent entry : record.getEntry()) {
            assertThat(entry.getFullUrl()).endsWith("/api/fhir/" + entry.getResource().fhirType() + "/"
                    + entry.getResource().getIdPart());
        }
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .toList();
    }

    private static String everything(UUID patientId) {
        return "/api/fhir/Patient/" + patientId + "/$everything";
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
