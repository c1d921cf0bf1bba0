package org.clinictracker.procedures.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.seriousMotorWeakness;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirMediaTypes;
import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * procedure-service's part of the patient's FHIR record: every modality, both sides, complications serious and not,
 * an amendment and a repeat treatment come out with the right codes, references and sides, and HAPI's own R4
 * validator finds no error in it. Only the clinical roles and the admin read it, and reading it is audited.
 */
@ClinicServiceTest
class FhirRecordPartTests {

    private static final String PATH = "/api/procedures/fhir";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicPatients patients;

    /** One clock for the test, so the days between cases are exact. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** The patient's cases, as the test logged them. */
    private record Treated(UUID patientId, UUID kneeCryo, UUID rfa, UUID block, UUID repeatCryo) {
    }

    @Test
    void the_part_is_valid_fhir_r4_for_every_modality_complication_amendment_and_repeat() throws Exception {
        Treated treated = treatedPatient();

        String part = readPart(treated.patientId(), ClinicJwt.coordinator());

        assertThat(FhirRecordValidator.errors(part)).isEmpty();
        Bundle bundle = ClinicFhir.bundleFromJson(part);
        assertThat(bundle.getType()).isEqualTo(BundleType.COLLECTION);
        assertThat(bundle.getEntry()).allSatisfy(entry -> assertThat(entry.getFullUrl())
                .isEqualTo("http://localhost:8080/api/fhir/" + entry.getResource().fhirType() + "/"
                        + entry.getResource().getIdElement().getIdPart()));
        assertThat(of(bundle, Procedure.class)).extracting(p -> p.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(treated.kneeCryo().toString(), treated.rfa().toString(),
                        treated.block().toString(), treated.repeatCryo().toString());
    }

    @Test
    void each_target_is_a_body_site_with_its_side_as_a_body_structure() throws Exception {
        Treated treated = treatedPatient();
        Bundle bundle = ClinicFhir.bundleFromJson(readPart(treated.patientId(), ClinicJwt.proceduralist()));

        Procedure cryo = procedure(bundle, treated.kneeCryo());
        assertThat(cryo.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(cryo.getSubject().getReference()).isEqualTo("Patient/" + treated.patientId());
        assertThat(codes(cryo.getCode())).contains(ClinicCodeSystems.MODALITY + "|CRYONEUROLYSIS");
        assertThat(codes(cryo.getReasonCodeFirstRep())).contains(ClinicCodeSystems.ICD_10_CM + "|M17",
                ClinicCodeSystems.INDICATION + "|KNEE_OSTEOARTHRITIS");
        assertThat(cryo.getPerformerFirstRep().getActor().getIdentifier().getValue()).isEqualTo("proceduralist1");
        assertThat(cryo.getBodySite()).extracting(CodeableConcept::getText)
                .containsExactly("Left superolateral genicular nerve", "Right superomedial genicular nerve");
        assertThat(cryo.getBodySite()).extracting(site -> site.getCodingFirstRep().getCode())
                .containsExactly("SUPEROLATERAL_GENICULAR", "SUPEROMEDIAL_GENICULAR");

        List<String> structures = cryo.getExtensionsByUrl(ProcedureResource.TARGET_BODY_STRUCTURE).stream()
                .map(extension -> ((Reference) extension.getValue()).getReference()).toList();
        assertThat(structures).hasSize(2);
        BodyStructure left = resolve(bundle, structures.get(0), BodyStructure.class);
        BodyStructure right = resolve(bundle, structures.get(1), BodyStructure.class);
        assertThat(codes(left.getLocationQualifierFirstRep())).containsExactly(ClinicCodeSystems.SNOMED + "|419161000");
        assertThat(codes(right.getLocationQualifierFirstRep())).containsExactly(ClinicCodeSystems.SNOMED + "|419465000");
        assertThat(left.getPatient().getReference()).isEqualTo("Patient/" + treated.patientId());
        assertThat(left.getLocation().getCodingFirstRep().getCode()).isEqualTo("SUPEROLATERAL_GENICULAR");

        Procedure rfa = procedure(bundle, treated.rfa());
        assertThat(codes(rfa.getCode())).contains(ClinicCodeSystems.SNOMED + "|879916008");
        assertThat(rfa.getBodySiteFirstRep().getText()).isEqualTo("Bilateral lumbar medial branch, L4");
        BodyStructure bilateral = resolve(bundle, ((Reference) rfa
                .getExtensionByUrl(ProcedureResource.TARGET_BODY_STRUCTURE).getValue()).getReference(), BodyStructure.class);
        assertThat(codes(bilateral.getLocationQualifierFirstRep())).containsExactly(ClinicCodeSystems.SNOMED + "|51440002");

        Procedure block = procedure(bundle, treated.block());
        assertThat(codes(block.getCode())).contains(ClinicCodeSystems.SNOMED + "|56333001",
                ClinicCodeSystems.MODALITY + "|NERVE_BLOCK");
        assertThat(block.getUsedCode()).extracting(CodeableConcept::getText).contains("bupivacaine 0.5 %, 2 mL");
    }

    @Test
    void the_device_the_settings_and_the_pain_scores_belong_to_their_procedure() throws Exception {
        Treated treated = treatedPatient();
        Bundle bundle = ClinicFhir.bundleFromJson(readPart(treated.patientId(), ClinicJwt.clinicAdmin()));

        Procedure cryo = procedure(bundle, treated.kneeCryo());
        Device probe = resolve(bundle, cryo.getFocalDeviceFirstRep().getManipulated().getReference(), Device.class);
        assertThat(probe.getDeviceNameFirstRep().getName()).isEqualTo("iovera");
        assertThat(probe.getPropertyFirstRep().getValueCodeFirstRep().getText()).isEqualTo("27G");
        assertThat(cryo.getUsedCode()).extracting(CodeableConcept::getText).contains("Ultrasound guidance");

        List<Observation> ofCryo = of(bundle, Observation.class).stream()
                .filter(o -> o.getPartOfFirstRep().getReference().equals("Procedure/" + treated.kneeCryo())).toList();
        Observation temperature = observation(ofCryo, "probe-temperature");
        Quantity celsius = temperature.getValueQuantity();
        assertThat(celsius.getValue()).isEqualByComparingTo("-88");
        assertThat(celsius.getSystem()).isEqualTo(ClinicCodeSystems.UCUM);
        assertThat(celsius.getCode()).isEqualTo("Cel");
        assertThat(temperature.getDevice().getReference()).isEqualTo("Device/" + probe.getIdElement().getIdPart());
        Observation cycles = observation(ofCryo, "freeze-cycles");
        assertThat(cycles.getValueIntegerType().getValue()).isEqualTo(2);
        assertThat(cycles.getComponent()).extracting(c -> c.getValueQuantity().getValue().intValue()).containsExactly(60, 60);

        List<Observation> pain = ofCryo.stream()
                .filter(o -> codes(o.getCode()).contains(ClinicCodeSystems.LOINC + "|72514-3")).toList();
        assertThat(pain).extracting(o -> o.getValueIntegerType().getValue()).containsExactlyInAnyOrder(7, 2);
        assertThat(pain).allSatisfy(o -> assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey"));

        Observation lesion = observation(of(bundle, Observation.class).stream()
                .filter(o -> o.getPartOfFirstRep().getReference().equals("Procedure/" + treated.rfa())).toList(),
                "lesion-temperature");
        assertThat(lesion.getValueQuantity().getValue()).isEqualByComparingTo("80");
        assertThat(lesion.getValueQuantity().getCode()).isEqualTo("Cel");
    }

    @Test
    void complications_are_adverse_events_after_the_procedure_with_the_condition_they_left() throws Exception {
        Treated treated = treatedPatient();
        Bundle bundle = ClinicFhir.bundleFromJson(readPart(treated.patientId(), ClinicJwt.coordinator()));

        Procedure cryo = procedure(bundle, treated.kneeCryo());
        assertThat(cryo.getComplication()).extracting(c -> c.getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("MOTOR_WEAKNESS", "BRUISING");
        List<AdverseEvent> events = of(bundle, AdverseEvent.class);
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(event.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
            assertThat(event.getSubject().getReference()).isEqualTo("Patient/" + treated.patientId());
            assertThat(event.getSuspectEntityFirstRep().getInstance().getReference())
                    .isEqualTo("Procedure/" + treated.kneeCryo());
            Condition left = resolve(bundle, event.getResultingConditionFirstRep().getReference(), Condition.class);
            assertThat(cryo.getComplicationDetail()).extracting(Reference::getReference)
                    .contains("Condition/" + left.getIdElement().getIdPart());
        });
        AdverseEvent weakness = event(events, "MOTOR_WEAKNESS");
        assertThat(weakness.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Serious");
        assertThat(weakness.getSeverity().getCodingFirstRep().getCode()).isEqualTo("severe");
        assertThat(weakness.getOutcome().getCodingFirstRep().getCode()).isEqualTo("ongoing");
        AdverseEvent bruising = event(events, "BRUISING");
        assertThat(bruising.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Non-serious");
        assertThat(bruising.getOutcome().getCodingFirstRep().getCode()).isEqualTo("resolved");
        Condition resolved = resolve(bundle, bruising.getResultingConditionFirstRep().getReference(), Condition.class);
        assertThat(resolved.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(resolved.getAbatementDateTimeType().getValueAsString()).isEqualTo(LocalDate.now().minusDays(190).toString());
    }

    @Test
    void an_amended_procedure_is_exported_as_it_stands_and_a_repeat_names_the_treatment_before_it() throws Exception {
        Treated treated = treatedPatient();
        Bundle bundle = ClinicFhir.bundleFromJson(readPart(treated.patientId(), ClinicJwt.proceduralist()));

        Procedure rfa = procedure(bundle, treated.rfa());
        assertThat(rfa.getMeta().getVersionId()).isEqualTo("1");
        assertThat(rfa.getNote()).extracting(n -> n.getText()).contains("Electrode repositioned once");
        assertThat(procedure(bundle, treated.kneeCryo()).getMeta().getVersionId()).isEqualTo("0");

        Procedure repeat = procedure(bundle, treated.repeatCryo());
        assertThat(repeat.getReasonReference()).extracting(Reference::getReference)
                .containsExactly("Procedure/" + treated.kneeCryo());
        assertThat(repeat.getNote()).extracting(n -> n.getText())
                .anySatisfy(note -> assertThat(note).startsWith("Repeat treatment 2 of the same targets"));
        assertThat(procedure(bundle, treated.kneeCryo()).getReasonReference()).isEmpty();
    }

    @Test
    void two_exports_of_the_same_record_are_identical() throws Exception {
        Treated treated = treatedPatient();
        assertThat(readPart(treated.patientId(), ClinicJwt.coordinator()))
                .isEqualTo(readPart(treated.patientId(), ClinicJwt.clinicAdmin()));
    }

    @Test
    void a_patient_without_procedures_has_an_empty_part_and_the_read_is_audited() throws Exception {
        UUID patientId = UUID.randomUUID();
        Bundle bundle = ClinicFhir.bundleFromJson(readPart(patientId, ClinicJwt.coordinator()));

        assertThat(bundle.getType()).isEqualTo(BundleType.COLLECTION);
        assertThat(bundle.getEntry()).isEmpty();
        mvc.perform(get("/api/procedures/audit").param("patientId", patientId.toString()).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.action == 'PROCEDURES_EXPORTED')].actor", hasItem("coordinator1")))
                .andExpect(jsonPath("$.content[?(@.action == 'PROCEDURES_EXPORTED')].role", hasItem("coordinator")));
    }

    @Test
    void the_front_desk_may_not_read_it_and_nobody_without_a_token() throws Exception {
        UUID patientId = UUID.randomUUID();
        mvc.perform(get(PATH).param("patientId", patientId.toString()).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(PATH).param("patientId", patientId.toString())).andExpect(status().isUnauthorized());
        assertThat(auditEntries(patientId)).isZero();
    }

    @Test
    void a_missing_or_malformed_patient_id_is_a_400_problem() throws Exception {
        for (RequestPostProcessor role : new RequestPostProcessor[] { ClinicJwt.coordinator() }) {
            mvc.perform(get(PATH).with(role).accept(FhirMediaTypes.FHIR_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get(PATH).param("patientId", "not-a-patient").with(role).accept(FhirMediaTypes.FHIR_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("patientId"));
        }
    }

    // --- the patient's cases, logged through the API as a proceduralist would

    /**
     * A knee cryoneurolysis on two nerves, left and right, with a serious and a minor complication; a bilateral
     * lumbar RFA, later amended; a diagnostic block; and, 190 days after the first, a repeat of the cryoneurolysis.
     */
    private Treated treatedPatient() throws Exception {
        UUID patientId = patients.registered();

        Map<String, Object> kneeCryo = with(cryo(patientId, 200), "targets", List.of(
                Map.of("nerve", "SUPEROLATERAL_GENICULAR", "laterality", "LEFT"),
                Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT")));
        Map<String, Object> bruising = new LinkedHashMap<>(Map.of("type", "BRUISING", "severity", "MILD", "serious", false,
                "onsetOn", LocalDate.now().minusDays(199).toString(), "outcome", "RESOLVED",
                "resolvedOn", LocalDate.now().minusDays(190).toString()));
        UUID cryoId = record(with(kneeCryo, "adverseEvents", List.of(seriousMotorWeakness(198), bruising)));

        Map<String, Object> rfa = rfa(patientId, 150);
        UUID rfaId = record(rfa);
        mvc.perform(put("/api/procedures/" + rfaId).with(ClinicJwt.proceduralist()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(with(with(rfa, "notes", "Electrode repositioned once"),
                                "amendmentReason", "Note added from the console log"))))
                .andExpect(status().isOk());

        UUID blockId = record(diagnosticBlock(patientId, 100));
        UUID repeatId = record(with(kneeCryo, "performedAt", now.minus(10, ChronoUnit.DAYS).toString()));
        return new Treated(patientId, cryoId, rfaId, blockId, repeatId);
    }

    private Map<String, Object> cryo(UUID patientId, int daysAgo) {
        return with(kneeCryoneurolysis(patientId, 0), "performedAt", now.minus(daysAgo, ChronoUnit.DAYS).toString());
    }

    private Map<String, Object> rfa(UUID patientId, int daysAgo) {
        Map<String, Object> body = with(cryo(patientId, daysAgo), "modality", "RADIOFREQUENCY_ABLATION");
        body.remove("cryo");
        body.put("indication", Map.of("code", "LOW_BACK_FACET_PAIN"));
        body.put("targets", List.of(Map.of("nerve", "LUMBAR_MEDIAL_BRANCH", "laterality", "BILATERAL", "level", "L4")));
        body.put("imagingGuidance", "FLUOROSCOPY");
        body.put("device", Map.of("model", "RF electrode 10 cm", "gauge", "18G"));
        body.put("rfa", Map.of("variant", "CONVENTIONAL", "lesionTemperatureCelsius", 80, "secondsPerLesion", 90,
                "lesionCount", 2));
        return body;
    }

    private Map<String, Object> diagnosticBlock(UUID patientId, int daysAgo) {
        Map<String, Object> body = with(cryo(patientId, daysAgo), "modality", "NERVE_BLOCK");
        body.remove("cryo");
        body.remove("device");
        body.put("targets", List.of(Map.of("nerve", "GREATER_OCCIPITAL", "laterality", "LEFT")));
        body.put("indication", Map.of("code", "OCCIPITAL_NEURALGIA"));
        body.put("imagingGuidance", "LANDMARK");
        body.put("block", Map.of("purpose", "DIAGNOSTIC", "agent", "bupivacaine", "concentrationPercent", 0.5,
                "volumeMl", 2));
        return body;
    }

    private UUID record(Map<String, Object> body) throws Exception {
        String created = mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(created).get("id").asString());
    }

    private String readPart(UUID patientId, RequestPostProcessor role) throws Exception {
        return mvc.perform(get(PATH).param("patientId", patientId.toString()).with(role).accept(FhirMediaTypes.FHIR_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(FhirMediaTypes.FHIR_JSON))
                .andReturn().getResponse().getContentAsString();
    }

    private long auditEntries(UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ?").param(patientId).query(Long.class).single();
    }

    // --- reading the bundle

    private static <T extends Resource> List<T> of(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static Procedure procedure(Bundle bundle, UUID id) {
        return resolve(bundle, "Procedure/" + id, Procedure.class);
    }

    private static <T extends Resource> T resolve(Bundle bundle, String reference, Class<T> type) {
        return of(bundle, type).stream()
                .filter(resource -> (resource.fhirType() + "/" + resource.getIdElement().getIdPart()).equals(reference))
                .findFirst().orElseThrow(() -> new AssertionError(reference + " is not in the part"));
    }

    private static Observation observation(List<Observation> observations, String code) {
        return observations.stream().filter(o -> codes(o.getCode()).contains(ClinicCodeSystems.OBSERVATION + "|" + code))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " observation"));
    }

    private static AdverseEvent event(List<AdverseEvent> events, String type) {
        return events.stream().filter(e -> e.getEvent().getCodingFirstRep().getCode().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " adverse event"));
    }

    private static List<String> codes(CodeableConcept concept) {
        return concept.getCoding().stream().map((Coding c) -> c.getSystem() + "|" + c.getCode()).toList();
    }
}
