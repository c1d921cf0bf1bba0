package org.clinictracker.patients.fuzz;

import static org.clinictracker.patients.PatientFixtures.eligibleScreeningAnswers;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.RequestBodyFuzz;
import org.clinictracker.testsupport.RequestBodyFuzz.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body patient-service takes, fuzzed: a hostile client gets 4xx problems and leaves no
 * chart, screening, override, consent, audit entry or event behind; odd names and numbers never give a 5xx.
 */
@ClinicServiceTest
class HostileRequestBodyTests {

    private static final int HOSTILE_TRIES = 150;
    private static final int ODD_TRIES = 60;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    RequestBodyFuzz fuzz;
    UUID patientId;
    UUID screeningId;
    Map<String, Object> chart;

    @BeforeEach
    void setUp() throws Exception {
        fuzz = new RequestBodyFuzz(mvc, this::stored);
        chart = new LinkedHashMap<>(registration(uniqueFamilyName()));
        chart.put("opioidMmePerDay", 12.5);
        chart.put("notDuplicateOf", List.of(UUID.randomUUID().toString()));
        patientId = new PatientApi(mvc, json).registerId(chart);
        String screening = mvc.perform(post("/api/patients/{id}/screenings", patientId).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(eligibleScreeningAnswers())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        screeningId = UUID.fromString(json.readTree(screening).get("id").asString());
    }

    /** Every call of patient-service that takes a body. */
    enum Body { REGISTRATION, CORRECTION, SCREENING, OVERRIDE, CONSENT }

    @ParameterizedTest
    @EnumSource(Body.class)
    void a_hostile_body_is_refused_with_a_problem_and_stores_nothing(Body body) {
        fuzz.refusesEveryHostileBody(call(body), HOSTILE_TRIES);
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void odd_names_and_numbers_never_give_a_server_error(Body body) {
        fuzz.neverFailsOnOddValues(call(body), ODD_TRIES);
    }

    private Call call(Body body) {
        String patient = "/api/patients/" + patientId;
        return switch (body) {
            case REGISTRATION -> Call.post("/api/patients", ClinicJwt.frontDesk(), registration(uniqueFamilyName()));
            case CORRECTION -> Call.put(patient, ClinicJwt.frontDesk(), this::currentVersion, chart);
            case SCREENING -> {
                Map<String, Object> answers = new LinkedHashMap<>(eligibleScreeningAnswers());
                answers.put("anticoagulationHeld", true);
                answers.put("plannedModality", "CRYONEUROLYSIS");
                yield Call.post(patient + "/screenings", ClinicJwt.frontDesk(), answers);
            }
            case OVERRIDE -> Call.post(patient + "/screenings/" + screeningId + "/override", ClinicJwt.proceduralist(),
                    Map.of("result", "ELIGIBLE", "reason", "Reviewed the vascular history with the patient"));
            case CONSENT -> Call.post(patient + "/consents", ClinicJwt.frontDesk(), Map.of("procedure", "CRYONEUROLYSIS",
                    "signedOn", "2026-03-02", "witness", "Nurse Ines Rocha", "formVersion", "CRYO-3"));
        };
    }

    private Map<String, String> currentVersion() {
        int version = jdbc.sql("SELECT version FROM patient WHERE id = ?").param(patientId).query(Integer.class).single();
        return Map.of("If-Match", "\"" + version + "\"");
    }

    private record Stored(long patients, long screenings, long overrides, long consents, long audit, long events,
            long patientVersions) {
    }

    private Stored stored() {
        return new Stored(count("patient"), count("screening"), count("screening_override"), count("consent"),
                count("audit_entry"), count("outbox_event"),
                jdbc.sql("SELECT coalesce(sum(version), 0) FROM patient").query(Long.class).single());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
