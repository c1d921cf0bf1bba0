package org.clinictracker.procedures.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.clinictracker.procedures.ProcedureRequests.withCryo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.procedures.ProcedureRequests;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** Bad input gets a 4xx problem naming the field and leaves no procedure, event or audit entry behind. */
@ClinicServiceTest
class BadProcedureInputTests {

    static final UUID PATIENT_PLACEHOLDER = UUID.fromString("00000000-0000-0000-0000-000000000000");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicPatients patients;

    UUID patientId;

    @BeforeEach
    void setUp() {
        patientId = patients.registered();
    }

    static Stream<Arguments> impossibleProcedures() {
        Map<String, Object> valid = kneeCryoneurolysis(PATIENT_PLACEHOLDER, 0);
        return Stream.of(
                Arguments.of("a cryo probe above freezing", withCryo(valid, "probeTemperatureCelsius", 5), "cryo.probeTemperatureCelsius"),
                Arguments.of("a cryo probe at 0 °C", withCryo(valid, "probeTemperatureCelsius", 0), "cryo.probeTemperatureCelsius"),
                Arguments.of("a cryo probe colder than liquid nitrogen", withCryo(valid, "probeTemperatureCelsius", -200), "cryo.probeTemperatureCelsius"),
                Arguments.of("no freeze cycle", withCryo(valid, "cycles", List.of()), "cryo.cycles"),
                Arguments.of("a freeze cycle of 0 seconds", withCryo(valid, "cycles", List.of(Map.of("seconds", 0))), "cryo.cycles[0].seconds"),
                Arguments.of("an unknown nerve", with(valid, "targets", List.of(Map.of("nerve", "FUNNY_BONE", "laterality", "LEFT"))), "targets[0].nerve"),
                Arguments.of("an intercostal nerve without its level", with(valid, "targets", List.of(Map.of("nerve", "INTERCOSTAL", "laterality", "LEFT"))), "targets[0].level"),
                Arguments.of("an intercostal level that does not exist", with(valid, "targets", List.of(Map.of("nerve", "INTERCOSTAL", "laterality", "LEFT", "level", "T13"))), "targets[0].level"),
                Arguments.of("cryoneurolysis without its parameters", with(valid, "cryo", null), "cryo"),
                Arguments.of("an OTHER indication without its text", with(valid, "indication", Map.of("code", "OTHER")), "indication.text"),
                Arguments.of("an RFA lesion at body temperature minus", with(with(valid, "modality", "RADIOFREQUENCY_ABLATION"), "rfa",
                        Map.of("variant", "CONVENTIONAL", "lesionTemperatureCelsius", -80, "secondsPerLesion", 90, "lesionCount", 3)), "rfa.lesionTemperatureCelsius"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleProcedures")
    void a_physically_impossible_procedure_is_unprocessable_and_stores_nothing(String story, Map<String, Object> body,
            String field) throws Exception {
        Stored before = stored();

        record(with(body, "patientId", patientId.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("clinical-rule-violation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

        assertThat(stored()).isEqualTo(before);
    }

    static Stream<Arguments> malformedProcedures() {
        Map<String, Object> valid = kneeCryoneurolysis(PATIENT_PLACEHOLDER, 0);
        return Stream.of(
                Arguments.of("no modality", with(valid, "modality", null), "modality"),
                Arguments.of("an unknown modality", with(valid, "modality", "ACUPUNCTURE"), "modality"),
                Arguments.of("no target", with(valid, "targets", List.of()), "targets"),
                Arguments.of("a target without laterality", with(valid, "targets", List.of(Map.of("nerve", "SURAL"))), "targets[0].laterality"),
                Arguments.of("a temperature that is not a number", withCryo(valid, "probeTemperatureCelsius", "very cold"), "cryo.probeTemperatureCelsius"),
                Arguments.of("pain 11 before", with(valid, "painBefore", 11), "painBefore"),
                Arguments.of("a date that is not a date", with(valid, "performedAt", "yesterday"), "performedAt"),
                Arguments.of("performed tomorrow", with(valid, "performedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), "performedAt"),
                Arguments.of("notes of a novel", with(valid, "notes", "x".repeat(5000)), "notes"),
                // Strict JSON types: nothing is converted behind the proceduralist's back.
                Arguments.of("pain score 7.5", with(valid, "painBefore", 7.5), "painBefore"),
                Arguments.of("pain score as text", with(valid, "painAfter", "2"), "painAfter"),
                Arguments.of("a number as the notes", with(valid, "notes", 42), "notes"),
                Arguments.of("a modality by its position", with(valid, "modality", 0), "modality"),
                Arguments.of("an epoch number as the time", with(valid, "performedAt", 1_700_000_000), "performedAt"),
                Arguments.of("ice ball seen as 1", withCryo(valid, "iceBallVisualized", 1), "cryo.iceBallVisualized"),
                Arguments.of("a freeze cycle of 60.5 seconds", withCryo(valid, "cycles", List.of(Map.of("seconds", 60.5))), "cryo.cycles[0].seconds"),
                Arguments.of("a temperature as text", withCryo(valid, "probeTemperatureCelsius", "-88"), "cryo.probeTemperatureCelsius"),
                // Text PostgreSQL cannot store, or that has no place in a record.
                Arguments.of("NUL in the notes", with(valid, "notes", "Tolerated\u0000well"), "notes"),
                Arguments.of("a bell in the notes", with(valid, "notes", "Tolerated\u0007well"), "notes"),
                Arguments.of("a line break in the sedation", with(valid, "sedation", "none\ngiven"), "sedation"),
                Arguments.of("NUL in a target's description", with(valid, "targets",
                        List.of(Map.of("nerve", "OTHER", "laterality", "LEFT", "description", "x\u0000"))), "targets[0].description"),
                Arguments.of("NUL in the device model", with(valid, "device", Map.of("model", "io\u0000vera")), "device.model"),
                Arguments.of("NUL in an adverse event's notes", with(valid, "adverseEvents",
                        List.of(with(ProcedureRequests.seriousMotorWeakness(0), "notes", "weak\u0000"))), "adverseEvents[0].notes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedProcedures")
    void a_malformed_procedure_is_a_bad_request_and_stores_nothing(String story, Map<String, Object> body, String field)
            throws Exception {
        Stored before = stored();

        record(with(body, "patientId", patientId.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void notes_may_span_lines() throws Exception {
        record(with(with(kneeCryoneurolysis(patientId, 0), "notes", "Tolerated well.\r\n\tNo complication."),
                "amendmentReason", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notes").value("Tolerated well.\r\n\tNo complication."));
    }

    @Test
    void a_multi_megabyte_body_is_refused_as_too_large_and_stores_nothing() throws Exception {
        Stored before = stored();

        record(with(kneeCryoneurolysis(patientId, 0), "notes", "cold ".repeat(1_000_000)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("payload-too-large"));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_list_filter_holding_a_nul_or_control_character_is_refused_naming_it() throws Exception {
        mvc.perform(get("/api/procedures").param("clinician", "dr\u0000who").with(ClinicJwt.proceduralist()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("clinician"));
        mvc.perform(get("/api/procedures").param("nerve", "SURAL\u001B").with(ClinicJwt.proceduralist()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nerve"));
    }

    @Test
    void a_block_volume_no_syringe_holds_is_refused_not_printed() throws Exception {
        Stored before = stored();
        Map<String, Object> block = with(with(kneeCryoneurolysis(patientId, 0), "modality", "NERVE_BLOCK"), "block",
                Map.of("purpose", "DIAGNOSTIC", "agent", "bupivacaine", "volumeMl", new BigDecimal("1E+2147483647")));
        block.remove("cryo");

        record(block)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("block.volumeMl")));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void malformed_json_is_a_bad_request() throws Exception {
        Stored before = stored();

        mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patientId\": \"" + patientId + "\", \"modality\": CRYO"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"));

        assertThat(stored()).isEqualTo(before);
    }

    private org.springframework.test.web.servlet.ResultActions record(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private record Stored(long procedures, long events, long auditEntries) {
    }

    private Stored stored() {
        return new Stored(count("procedure"), count("outbox_event"), count("audit_entry"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
