package org.clinictracker.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.patients.PatientApi;
import org.clinictracker.patients.fhir.RecordSources.RecordPartSource;
import org.clinictracker.patients.fhir.StandInRecordParts.Answer;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirMediaTypes;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.tracing.TraceParents;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/fhir/Patient/{id}/$everything}: the chart's own resources and the other services' parts (stood in
 * by a real HTTP server) as one searchset Bundle that HAPI's validator passes without an error; the caller's token
 * carried to each part; all or nothing when a part cannot be had; the role table; every export audited.
 */
@ClinicServiceTest
class FhirRecordTests {

    static final StandInRecordParts PARTS = new StandInRecordParts(Map.of(
            StandInRecordParts.PROCEDURES, patientId -> Answer.fhir(RecordPartFixtures.proceduresPart(patientId)),
            StandInRecordParts.FOLLOWUPS, patientId -> Answer.fhir(RecordPartFixtures.followupsPart(patientId))));

    @DynamicPropertySource
    static void recordParts(DynamicPropertyRegistry properties) {
        properties.add("clinic.record.procedures-url", PARTS::baseUrl);
        properties.add("clinic.record.followups-url", PARTS::baseUrl);
        properties.add("clinic.record.read-timeout", () -> "2s");
        properties.add("clinic.fhir.base-url", () -> "https://clinic.example/api/fhir");
    }

    @AfterAll
    static void stopParts() {
        PARTS.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    PatientApi api;
    UUID patientId;
    String mrn;

    @BeforeEach
    void registerPatient() throws Exception {
        PARTS.reset();
        api = new PatientApi(mvc, json);
        JsonNode patient = api.register(registration(uniqueFamilyName()));
        patientId = UUID.fromString(patient.get("id").asString());
        mrn = patient.get("mrn").asString();
    }

    @Test
    void the_whole_record_is_one_searchset_bundle_that_validates_without_an_error() throws Exception {
        mvc.perform(post("/api/patients/{id}/consents", patientId).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedure\":\"CRYONEUROLYSIS\",\"signedOn\":\"2026-08-01\",\"witness\":\"Nurse Lee\",\"formVersion\":\"v3\"}"))
                .andExpect(status().isCreated());

        String json = export(ClinicJwt.proceduralist());

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        Bundle record = ClinicFhir.bundleFromJson(json);
        assertThat(record.getType()).isEqualTo(BundleType.SEARCHSET);
        assertThat(record.getIdElement().getIdPart()).isNotBlank();
        assertThat(record.getMeta().getLastUpdated()).isNotNull();
        assertThat(record.getTotal()).isEqualTo(1);
        assertThat(record.getLink("self").getUrl())
                .isEqualTo("https://clinic.example/api/fhir/Patient/" + patientId + "/$everything");
        for (BundleEntryComponent entry : record.getEntry()) {
            Resource resource = entry.getResource();
            assertThat(entry.getFullUrl()).as("fullUrl under the clinic's base, whatever the part wrote")
                    .isEqualTo("https://clinic.example/api/fhir/" + resource.fhirType() + "/" + resource.getIdPart());
            assertThat(entry.getSearch().getMode())
                    .isEqualTo(resource instanceof Patient ? SearchEntryMode.MATCH : SearchEntryMode.INCLUDE);
        }

        Patient patient = only(record, Patient.class);
        assertThat(patient.getIdPart()).isEqualTo(patientId.toString());
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(ClinicCodeSystems.MRN);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(mrn);
        assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("MR");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Maria");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1961-04-17");
        assertThat(patient.getCommunicationFirstRep().getLanguage().getText()).isEqualTo("pt-PT");
        assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("pt");
        assertThat(json).as("insurance stays with the clinic").doesNotContain("AH-778812", "Acme Health");

        Condition indication = only(record, Condition.class);
        assertThat(indication.getCode().getCoding()).anySatisfy(coding -> {
            assertThat(coding.getSystem()).isEqualTo(ClinicCodeSystems.ICD_10_CM);
            assertThat(coding.getCode()).isEqualTo("M17");
        });
        assertThat(indication.getCode().getText()).isEqualTo("Right knee, Kellgren-Lawrence 3");
        BodyStructure painSite = resources(record, BodyStructure.class).stream()
                .filter(site -> site.getIdPart().equals(ChartAsFhir.derivedId("pain-site", patientId))).findFirst().orElseThrow();
        assertThat(painSite.getLocationQualifierFirstRep().getCodingFirstRep().getCode()).isEqualTo("419465000");
        assertThat(indication.getBodySiteFirstRep().getExtensionByUrl(ChartAsFhir.BODY_SITE_EXTENSION).getValue())
                .satisfies(reference -> assertThat(((org.hl7.fhir.r4.model.Reference) reference).getReference())
                        .isEqualTo("BodyStructure/" + painSite.getIdPart()));

        List<Observation> observations = resources(record, Observation.class);
        assertThat(observations).extracting(observation -> observation.getCode().getCodingFirstRep().getCode()
                        + "=" + (observation.hasValueIntegerType() ? observation.getValueIntegerType().getValue()
                                : observation.getValueQuantity().getValue().intValue() + " " + observation.getValueQuantity().getCode()))
                .containsExactlyInAnyOrder("72514-3=7", ChartAsFhir.OPIOID_MME_CODE + "=15 mg/d", "72514-3=3");
        Consent consent = only(record, Consent.class);
        assertThat(consent.getProvision().getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("CRYONEUROLYSIS");
        assertThat(consent.getDateTimeElement().getValueAsString()).isEqualTo("2026-08-01");

        // the other services' parts, whole
        assertThat(only(record, Procedure.class).getIdPart()).isEqualTo(RecordPartFixtures.procedureId(patientId.toString()).toString());
        assertThat(resources(record, AdverseEvent.class)).hasSize(1);
        assertThat(resources(record, Appointment.class)).hasSize(1);
    }

    @Test
    void each_part_is_fetched_with_the_callers_own_token_and_request_id() throws Exception {
        String token = ClinicJwt.coordinator().signed();
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).header("Authorization", "Bearer " + token)
                        .header("X-Request-Id", "req-export-1"))
                .andExpect(status().isOk());

        assertThat(PARTS.received()).extracting(StandInRecordParts.Received::path)
                .containsExactlyInAnyOrder(StandInRecordParts.PROCEDURES, StandInRecordParts.FOLLOWUPS);
        assertThat(PARTS.received()).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + token);
            assertThat(request.requestId()).isEqualTo("req-export-1");
            assertThat(request.query()).isEqualTo("patientId=" + patientId);
        });
    }

    @Test
    void two_exports_of_the_same_record_hold_the_same_resources() throws Exception {
        Bundle first = ClinicFhir.bundleFromJson(export(ClinicJwt.clinicAdmin()));
        Bundle second = ClinicFhir.bundleFromJson(export(ClinicJwt.coordinator()));

        assertThat(entriesAsJson(second)).isEqualTo(entriesAsJson(first));
        assertThat(second.getIdElement().getIdPart()).as("each export is its own bundle")
                .isNotEqualTo(first.getIdElement().getIdPart());
    }

    @Test
    void every_export_is_audited_with_the_request_id_and_a_refused_one_is_not() throws Exception {
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(ClinicJwt.clinicAdmin())
                        .header("X-Request-Id", "req-export-audited"))
                .andExpect(status().isOk());
        PARTS.answer(StandInRecordParts.FOLLOWUPS, Answer.status(503));
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(ClinicJwt.proceduralist())
                        .header("X-Request-Id", "req-export-refused"))
                .andExpect(status().isServiceUnavailable());

        List<String> exports = new ArrayList<>();
        auditTrail().get("content").forEach(entry -> {
            if (entry.get("action").asString().equals(PatientEverything.AUDIT_ACTION)) {
                exports.add(entry.get("actor").asString() + " as " + entry.get("role").asString() + " in "
                        + entry.get("requestId").asString());
            }
        });
        assertThat(exports).containsExactly("admin1 as clinic-admin in req-export-audited");
    }

    @Test
    void a_part_that_is_down_slow_or_garbled_means_no_record_at_all() throws Exception {
        List<Answer> failures = List.of(Answer.status(503), Answer.status(500), Answer.status(404),
                Answer.status(401), Answer.fhir("<html>Bad gateway</html>"),
                Answer.fhir(ClinicFhir.toJson(new Bundle().setType(BundleType.SEARCHSET))),
                Answer.fhir(RecordPartFixtures.proceduresPart(patientId.toString())).after(Duration.ofSeconds(4)));
        for (String path : List.of(StandInRecordParts.PROCEDURES, StandInRecordParts.FOLLOWUPS)) {
            for (Answer failure : failures) {
                PARTS.reset();
                PARTS.answer(path, failure);
                mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(ClinicJwt.proceduralist()))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.code").value("record-part-unavailable"))
                        .andExpect(jsonPath("$.part").value(path.equals(StandInRecordParts.PROCEDURES) ? "procedures" : "follow-ups"))
                        .andExpect(jsonPath("$.entry").doesNotExist());
            }
        }
    }

    @Test
    void a_part_that_is_not_listening_means_no_record_at_all() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        RecordSources sources = new RecordSources(nowhere, nowhere, Duration.ofSeconds(1), Duration.ofSeconds(1));
        RecordPartClient client = new RecordPartClient(sources, TraceParents.NONE);
        RecordPartSource procedures = sources.procedures();

        assertThatThrownBy(() -> client.fetch(procedures, patientId, client.caller("a-token")))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(refusal.code()).isEqualTo("record-part-unavailable");
                });
    }

    @Test
    void a_part_that_refuses_the_caller_refuses_the_whole_record() throws Exception {
        PARTS.answer(StandInRecordParts.PROCEDURES, Answer.status(403));
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(ClinicJwt.coordinator()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.part").value("procedures"));
    }

    @Test
    void the_clinic_admin_and_the_clinical_readers_export_the_front_desk_may_not() throws Exception {
        for (RequestPostProcessor role : new RequestPostProcessor[] { ClinicJwt.clinicAdmin(), ClinicJwt.proceduralist(),
                ClinicJwt.coordinator() }) {
            mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(role)).andExpect(status().isOk());
        }
        PARTS.reset();
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(PARTS.received()).as("a refused caller's export asks no part").isEmpty();
    }

    @Test
    void an_unknown_patient_is_404_and_a_malformed_id_400_before_any_part_is_asked() throws Exception {
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", UUID.randomUUID()).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(get("/api/fhir/Patient/{id}/$everything", "not-a-uuid").with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(PARTS.received()).isEmpty();
    }

    private String export(ClinicToken caller) throws Exception {
        MvcResult result = mvc.perform(get("/api/fhir/Patient/{id}/$everything", patientId).with(caller))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(FhirMediaTypes.FHIR_JSON))
                .andReturn();
        return result.getResponse().getContentAsString();
    }

    private JsonNode auditTrail() throws Exception {
        MvcResult trail = mvc.perform(get("/api/patients/{id}/audit", patientId).with(ClinicJwt.clinicAdmin()).param("size", "100"))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(trail.getResponse().getContentAsString());
    }

    private static List<String> entriesAsJson(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getFullUrl() + " " + ClinicFhir.toJson(entry.getResource())).toList();
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        List<T> found = resources(bundle, type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}
