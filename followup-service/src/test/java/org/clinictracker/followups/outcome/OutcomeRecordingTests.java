package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A coordinator documents a follow-up visit: stored once, the visit completed, the outcome announced. */
@ClinicServiceTest
class OutcomeRecordingTests {

    /** Two weeks after the procedure: the WEEK_2 visit (day 14, ±3) is due. */
    static final LocalDate PERFORMED = LocalDate.of(2026, 9, 1);
    static final LocalDate TODAY = PERFORMED.plusDays(15);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    // this context\'s own broker: the spring.kafka.bootstrap-servers system property names the broker of whichever
    // test context started last (PatientLinkEmailTests has one of its own)
    @Autowired
    EmbeddedKafkaBroker kafka;

    UUID patientId;
    UUID planId;

    @BeforeEach
    void aPlanTwoWeeksOld() {
        clock.set(PERFORMED);
        patientId = plans.patient("Ferreira, Lucia", 7);
        planId = plans.start(Plans.kneeCryo(patientId, PERFORMED));
        clock.set(TODAY);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_outcome_completes_the_visit_and_is_announced_as_follow_up_completed() throws Exception {
        UUID visitId = plans.visit(planId, "WEEK_2");
        var body = Map.of("painScore", 3, "reliefPercent", 70,
                "functionScore", Map.of("instrument", "WOMAC", "value", 31),
                "opioidMmePerDay", 15.5, "satisfaction", 4, "sensationReturned", false,
                "notes", "Walks to the shop again.\nSleeps through.");

        record(visitId, body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/followups/" + visitId + "/outcome"))
                .andExpect(jsonPath("$.visitId").value(visitId.toString()))
                .andExpect(jsonPath("$.label").value("WEEK_2"))
                .andExpect(jsonPath("$.assessedOn").value(TODAY.toString()))
                .andExpect(jsonPath("$.painScore").value(3))
                .andExpect(jsonPath("$.functionScore.instrument").value("WOMAC"))
                .andExpect(jsonPath("$.opioidMmePerDay").value(15.5))
                .andExpect(jsonPath("$.documentedLate").value(false))
                .andExpect(jsonPath("$.responder").value(true)) // baseline: pain 8 before the procedure
                .andExpect(jsonPath("$.waningRelief").value(false))
                .andExpect(jsonPath("$.recordedBy").value("coordinator1"));

        assertThat(visitState(visitId)).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT responder_since, best_pain_score FROM follow_up_plan WHERE id = ?").param(planId)
                .query().singleRow())
                .containsEntry("responder_since", java.sql.Date.valueOf(TODAY)).containsEntry("best_pain_score", 3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND action = 'FOLLOW_UP_OUTCOME_RECORDED'")
                .param(patientId).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/api/followups/{id}/outcome", visitId).with(ClinicJwt.proceduralist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value("Walks to the shop again.\nSleeps through."));

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"FollowUpCompleted\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "FollowUpCompleted", event);
            JsonNode data = json.readTree(event).get("data");
            assertThat(data.get("visitId").asString()).isEqualTo(visitId.toString());
            assertThat(data.get("responder").asBoolean()).isTrue();
            assertThat(event).doesNotContain("Walks to the shop"); // notes stay in this service
        }
    }

    @Test
    void each_complication_noticed_is_stored_and_published_for_the_procedures_record() throws Exception {
        UUID visitId = plans.visit(planId, "WEEK_2");
        var numbness = Map.of("type", "PROLONGED_NUMBNESS", "severity", "MODERATE", "serious", false,
                "onsetOn", PERFORMED.plusDays(3).toString(), "outcome", "ONGOING", "notes", "front of the shin");
        var other = Map.of("type", "OTHER", "description", "itching at the probe site", "severity", "MILD",
                "serious", false, "onsetOn", PERFORMED.plusDays(1).toString(), "outcome", "RESOLVED",
                "resolvedOn", PERFORMED.plusDays(5).toString());

        record(visitId, Map.of("painScore", 4, "adverseEvents", List.of(numbness, other)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.adverseEvents.length()").value(2));

        assertThat(jdbc.sql("SELECT count(*) FROM observed_adverse_event WHERE visit_id = ?").param(visitId)
                .query(Integer.class).single()).isEqualTo(2);
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            topic.awaitRecord(patientId, e -> e.contains("\"FollowUpCompleted\""), Duration.ofSeconds(30));
            List<String> observed = topic.allRecordsFor(patientId).stream()
                    .filter(e -> e.contains("\"AdverseEventObserved\"")).toList();
            assertThat(observed).hasSize(2);
            observed.forEach(e -> EventSchemas.assertConforms(Topics.FOLLOWUPS, "AdverseEventObserved", e));
            assertThat(observed).anySatisfy(e -> assertThat(e).contains("itching at the probe site"));
            assertThat(String.join("", observed)).doesNotContain("front of the shin");
        }
    }

    @Test
    void without_pain_before_the_procedure_responders_are_measured_against_the_charts_baseline_when_it_arrives()
            throws Exception {
        clock.set(PERFORMED);
        UUID unregistered = plans.patient("Adeyemi, Tunde", null);
        UUID plan = plans.start(Plans.procedure(unregistered, PERFORMED, Modality.CRYONEUROLYSIS,
                null, 1, null));
        jdbc.sql("UPDATE known_patient SET baseline_pain_score = 6 WHERE id = ?").param(unregistered).update();
        clock.set(TODAY);

        record(plans.visit(plan, "WEEK_2"), Map.of("painScore", 3))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.responder").value(true));
    }

    @Test
    void a_visit_is_documented_once() throws Exception {
        UUID visitId = plans.visit(planId, "WEEK_2");
        record(visitId, Map.of("painScore", 3)).andExpect(status().isCreated());

        record(visitId, Map.of("painScore", 6))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("outcome-already-recorded"));
        assertThat(jdbc.sql("SELECT pain_score FROM follow_up_outcome WHERE visit_id = ?").param(visitId)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void a_visit_whose_window_has_not_opened_takes_no_outcome_yet() throws Exception {
        UUID month3 = plans.visit(planId, "MONTH_3");
        record(month3, Map.of("painScore", 3))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("visit-not-open"));
        assertNothingStored(month3);
    }

    @Test
    void a_cancelled_visit_takes_no_outcome() throws Exception {
        UUID visitId = plans.visit(planId, "WEEK_2");
        jdbc.sql("UPDATE follow_up_visit SET state = 'CANCELLED' WHERE id = ?").param(visitId).update();
        record(visitId, Map.of("painScore", 3))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("visit-cancelled"));
        assertThat(count("follow_up_outcome", visitId)).isZero();
    }

    @Test
    void a_missed_visit_is_documented_late_even_after_its_window() throws Exception {
        UUID day2 = plans.visit(planId, "DAY_2"); // window days 1..3, long closed
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED', missed_on = ? WHERE id = ?")
                .param(PERFORMED.plusDays(4)).param(day2).update();

        record(day2, Map.of("painScore", 5, "assessedOn", PERFORMED.plusDays(2).toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentedLate").value(true))
                .andExpect(jsonPath("$.assessedOn").value(PERFORMED.plusDays(2).toString()));
        assertThat(visitState(day2)).isEqualTo("COMPLETED");
    }

    @Test
    void an_open_visit_assessed_after_its_window_is_documented_late() throws Exception {
        clock.set(PERFORMED.plusDays(20)); // WEEK_2's window closed on day 17; not yet marked missed
        record(plans.visit(planId, "WEEK_2"), Map.of("painScore", 5))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentedLate").value(true));
    }

    @Test
    void replaying_a_post_with_its_idempotency_key_answers_the_same_and_stores_once() throws Exception {
        UUID visitId = plans.visit(planId, "WEEK_2");
        String key = UUID.randomUUID().toString();
        var body = Map.of("painScore", 2, "adverseEvents", List.of(Map.of("type", "BRUISING", "severity", "MILD",
                "serious", false, "onsetOn", PERFORMED.toString(), "outcome", "RESOLVED",
                "resolvedOn", PERFORMED.plusDays(4).toString())));

        String first = mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String replay = mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/followups/" + visitId + "/outcome"))
                .andReturn().getResponse().getContentAsString();

        assertThat(json.readTree(replay)).isEqualTo(json.readTree(first));
        assertThat(count("follow_up_outcome", visitId)).isEqualTo(1);
        assertThat(count("observed_adverse_event", visitId)).isEqualTo(1);
    }

    @Test
    void an_unknown_visit_is_not_found() throws Exception {
        record(UUID.randomUUID(), Map.of("painScore", 3))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void only_a_coordinator_records_outcomes_and_only_with_a_token() throws Exception {
        UUID visitId = plans.visit(planId, "WEEK_2");
        String body = json.writeValueAsString(Map.of("painScore", 3));
        mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.clinicAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/followups/{id}/outcome", visitId).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/followups/{id}/outcome", visitId).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden());
        assertNothingStored(visitId);
    }

    private ResultActions record(UUID visitId, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new LinkedHashMap<>(body))));
    }

    private String visitState(UUID visitId) {
        return jdbc.sql("SELECT state FROM follow_up_visit WHERE id = ?").param(visitId).query(String.class).single();
    }

    private int count(String table, UUID visitId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE visit_id = ?").param(visitId).query(Integer.class).single();
    }

    private void assertNothingStored(UUID visitId) {
        assertThat(count("follow_up_outcome", visitId)).isZero();
        assertThat(count("observed_adverse_event", visitId)).isZero();
        assertThat(visitState(visitId)).isEqualTo("OPEN");
    }
}
