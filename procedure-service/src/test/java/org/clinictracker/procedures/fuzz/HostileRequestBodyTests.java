package org.clinictracker.procedures.fuzz;

import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.seriousMotorWeakness;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.procedures.ClinicPatients;
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
 * Every request body procedure-service takes, fuzzed: a hostile client gets 4xx problems and leaves no
 * procedure, version, adverse event, audit entry or event behind; odd texts and numbers never give a 5xx.
 */
@ClinicServiceTest
class HostileRequestBodyTests {

    private static final int HOSTILE_TRIES = 120;
    private static final int ODD_TRIES = 50;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicPatients patients;

    RequestBodyFuzz fuzz;
    UUID patientId;
    UUID procedureId;
    UUID adverseEventId;

    @BeforeEach
    void setUp() throws Exception {
        fuzz = new RequestBodyFuzz(mvc, this::stored);
        patientId = patients.registered();
        procedureId = created("/api/procedures", with(cryoneurolysis(), "performedAt",
                Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        adverseEventId = created("/api/procedures/" + procedureId + "/adverse-events", adverseEvent());
    }

    /** Every call of procedure-service that takes a body; each modality has its own parameters. */
    enum Body { CRYONEUROLYSIS, RADIOFREQUENCY_ABLATION, NERVE_BLOCK, AMENDMENT, ADVERSE_EVENT, ADVERSE_EVENT_UPDATE }

    @ParameterizedTest
    @EnumSource(Body.class)
    void a_hostile_body_is_refused_with_a_problem_and_stores_nothing(Body body) {
        fuzz.refusesEveryHostileBody(call(body), HOSTILE_TRIES);
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void odd_texts_and_numbers_never_give_a_server_error(Body body) {
        fuzz.neverFailsOnOddValues(call(body), ODD_TRIES);
    }

    private Call call(Body body) {
        String procedure = "/api/procedures/" + procedureId;
        String adverseEvent = procedure + "/adverse-events/" + adverseEventId;
        return switch (body) {
            case CRYONEUROLYSIS -> Call.post("/api/procedures", ClinicJwt.proceduralist(), cryoneurolysis());
            case RADIOFREQUENCY_ABLATION -> Call.post("/api/procedures", ClinicJwt.proceduralist(),
                    with(withoutCryo("RADIOFREQUENCY_ABLATION"), "rfa", Map.of("variant",
                            "CONVENTIONAL", "lesionTemperatureCelsius", 80, "secondsPerLesion", 90, "lesionCount", 3)));
            case NERVE_BLOCK -> Call.post("/api/procedures", ClinicJwt.proceduralist(),
                    with(withoutCryo("NERVE_BLOCK"), "block", Map.of("purpose", "DIAGNOSTIC",
                            "agent", "bupivacaine", "concentrationPercent", 0.5, "volumeMl", 5, "adjuvant",
                            "dexamethasone 4 mg")));
            case AMENDMENT -> Call.put(procedure, ClinicJwt.proceduralist(), () -> ifMatch("procedure", procedureId),
                    with(with(cryoneurolysis(), "adverseEvents", null), "amendmentReason",
                            "Pain after transcribed wrongly\nfrom the paper chart"));
            case ADVERSE_EVENT -> Call.post(procedure + "/adverse-events", ClinicJwt.proceduralist(), adverseEvent());
            case ADVERSE_EVENT_UPDATE -> Call.put(adverseEvent, ClinicJwt.proceduralist(),
                    () -> ifMatch("adverse_event", adverseEventId),
                    with(with(adverseEvent(), "outcome", "RESOLVED"), "resolvedOn", java.time.LocalDate.now().toString()));
        };
    }

    /** A case with every optional part filled, so that every field can be fuzzed. */
    private Map<String, Object> cryoneurolysis() {
        Map<String, Object> body = with(kneeCryoneurolysis(patientId, 3), "indication", Map.of("code", "KNEE_OSTEOARTHRITIS", "text", "Kellgren-Lawrence 3"));
        body = with(body, "targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT"),
                Map.of("nerve", "OTHER", "laterality", "RIGHT", "description", "infrapatellar branch")));
        body = with(body, "sedation", "none");
        return with(body, "adverseEvents", List.of(adverseEvent()));
    }

    private Map<String, Object> withoutCryo(String modality) {
        Map<String, Object> body = with(cryoneurolysis(), "modality", modality);
        body.remove("cryo");
        return body;
    }

    private static Map<String, Object> adverseEvent() {
        return with(seriousMotorWeakness(1), "description", "Quadriceps weakness");
    }

    private UUID created(String uri, Map<String, Object> body) throws Exception {
        String created = mvc.perform(post(uri).with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(created).get("id").asString());
    }

    private Map<String, String> ifMatch(String table, UUID id) {
        int version = jdbc.sql("SELECT version FROM " + table + " WHERE id = ?").param(id).query(Integer.class).single();
        return Map.of("If-Match", "\"" + version + "\"");
    }

    private record Stored(long procedures, long procedureVersions, long adverseEvents, long adverseEventVersions,
            long audit, long events) {
    }

    private Stored stored() {
        return new Stored(count("procedure"), count("procedure_version"), count("adverse_event"),
                count("adverse_event_version"), count("audit_entry"), count("outbox_event"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
