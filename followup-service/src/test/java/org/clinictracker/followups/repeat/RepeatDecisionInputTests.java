package org.clinictracker.followups.repeat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.RequestBodyFuzz;
import org.clinictracker.testsupport.RequestBodyFuzz.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** A hostile decision body is a 4xx problem and decides nothing; odd but possible reasons are kept as written. */
@ClinicServiceTest
class RepeatDecisionInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    JsonMapper json;

    @Test
    void a_hostile_decision_is_refused_with_a_problem_and_decides_nothing() {
        new RequestBodyFuzz(mvc, this::stored).refusesEveryHostileBody(decisionOnAFreshCandidate(), 60);
    }

    /**
     * Odd but possible reasons are kept as written. (Not the shared odd-value fuzz: it expects the answer's
     * {@code reason} to echo the request's, but api.md gives the candidate's own {@code reason} that name, and the
     * decision's comes back as {@code decisionReason}.)
     */
    @ParameterizedTest
    @ValueSource(strings = { "Núñez prefers PT first 👨‍👩‍👧", "שלום\u00A0محمد", "O'Brien; \"later\" <maybe>",
            "line one\r\nline two\ttabbed" })
    void odd_but_possible_reasons_are_kept_as_written(String reason) throws Exception {
        mvc.perform(post("/api/repeat-treatments/{id}/decision", openCandidate()).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("action", "DISMISSED", "reason", reason))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisionReason").value(reason));
    }

    @Test
    void a_reason_of_2000_characters_is_kept_and_one_more_is_refused() throws Exception {
        for (int length : new int[] { 2000, 2001 }) {
            mvc.perform(post("/api/repeat-treatments/{id}/decision", openCandidate()).with(ClinicJwt.coordinator())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("action", "DISMISSED", "reason", "r".repeat(length)))))
                    .andExpect(length == 2000 ? status().isOk() : status().isBadRequest());
        }
    }

    private Call decisionOnAFreshCandidate() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("action", "DISMISSED");
        valid.put("reason", "Patient declines for now;\nrevisit in spring");
        return new Call("POST /api/repeat-treatments/{id}/decision", HttpMethod.POST,
                () -> "/api/repeat-treatments/" + openCandidate() + "/decision", ClinicJwt.coordinator(), Map::of, valid);
    }

    /** An open candidate of a fresh plan, as its first waning outcome would have made it. */
    private UUID openCandidate() {
        UUID patientId = plans.patient("Kowalski, Piotr", 8);
        UUID planId = plans.start(Plans.kneeCryo(patientId, LocalDate.now().minusDays(60)));
        UUID procedureId = jdbc.sql("SELECT procedure_id FROM follow_up_plan WHERE id = ?").param(planId)
                .query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at)
                VALUES (?, ?, ?, ?, ?, ARRAY['RELIEF_BELOW_50_PERCENT'], ?)""")
                .param(id).param(planId).param(patientId).param(procedureId).param(plans.visit(planId, "WEEK_6"))
                .param(Timestamp.from(Instant.now())).update();
        return id;
    }

    private record Stored(long decided, long audit, long events) {
    }

    private Stored stored() {
        return new Stored(count("SELECT count(*) FROM repeat_candidate WHERE status <> 'OPEN'"),
                count("SELECT count(*) FROM audit_entry WHERE action = 'REPEAT_CANDIDATE_DECIDED'"),
                count("SELECT count(*) FROM outbox_event WHERE event_type = 'RepeatTreatmentResolved'"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
