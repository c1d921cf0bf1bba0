package org.clinictracker.followups.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.ProcedureFacts;
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

import tools.jackson.databind.json.JsonMapper;

/**
 * A responder's waning relief makes one repeat-treatment candidate; a coordinator books the consult or dismisses
 * it with a reason; the repeat procedure closes it and starts its own plan.
 */
@ClinicServiceTest
class RepeatTreatmentTests {

    static final LocalDate PERFORMED = LocalDate.of(2026, 4, 1);

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
    ProcedureFacts knee;
    UUID planId;

    @BeforeEach
    void aRightKneeCryoneurolysis() {
        clock.set(PERFORMED);
        patientId = plans.patient("Lindqvist, Maja", 8);
        knee = Plans.kneeCryo(patientId, PERFORMED); // pain 8 before it
        planId = plans.start(knee);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void waning_relief_recommends_a_repeat_once_however_many_outcomes_show_it() throws Exception {
        outcome("WEEK_2", 14, Map.of("painScore", 2)).andExpect(jsonPath("$.responder").value(true));
        outcome("WEEK_6", 42, Map.of("painScore", 5))
                .andExpect(jsonPath("$.waningRelief").value(true))
                .andExpect(jsonPath("$.waningReasons", contains("PAIN_REDUCTION_BELOW_50_PERCENT", "PAIN_UP_2_FROM_BEST")));
        outcome("MONTH_3", 90, Map.of("painScore", 6, "reliefPercent", 30, "sensationReturned", true))
                .andExpect(jsonPath("$.waningRelief").value(true));

        assertThat(jdbc.sql("SELECT count(*) FROM repeat_candidate WHERE plan_id = ?").param(planId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT relief_ended_on FROM follow_up_plan WHERE id = ?").param(planId)
                .query(LocalDate.class).single()).isEqualTo(PERFORMED.plusDays(42));
        mvc.perform(get("/api/repeat-treatments").param("status", "OPEN").param("patientId", patientId.toString())
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].procedureId").value(knee.procedureId().toString()))
                .andExpect(jsonPath("$.content[0].status").value("OPEN"))
                .andExpect(jsonPath("$.content[0].reasons", contains("PAIN_REDUCTION_BELOW_50_PERCENT", "PAIN_UP_2_FROM_BEST")))
                .andExpect(jsonPath("$.content[0].reason")
                        .value("pain no longer 50 % below baseline; pain up 2 points or more from its best"))
                .andExpect(jsonPath("$.content[0].displayName").value("Lindqvist, Maja"))
                .andExpect(jsonPath("$.content[0].mrn").exists())
                .andExpect(jsonPath("$.content[0].createdAt").exists())
                .andExpect(jsonPath("$.content[0].modality").value("CRYONEUROLYSIS"))
                .andExpect(jsonPath("$.content[0].targets[0].nerve").value("SUPEROMEDIAL_GENICULAR"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND action = 'REPEAT_CANDIDATES_READ'")
                .param(patientId).query(Integer.class).single()).isEqualTo(1);

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            String recommended = topic.awaitRecord(patientId, e -> e.contains("\"RepeatTreatmentRecommended\""),
                    Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "RepeatTreatmentRecommended", recommended);
            topic.awaitRecord(patientId, e -> e.contains("\"MONTH_3\""), Duration.ofSeconds(30));
            assertThat(topic.allRecordsFor(patientId)).filteredOn(e -> e.contains("\"RepeatTreatmentRecommended\""))
                    .hasSize(1);
        }
    }

    @Test
    void without_a_baseline_pain_score_nothing_is_ever_recommended() throws Exception {
        UUID unmeasured = plans.patient("Moreau, Luc", null);
        clock.set(PERFORMED);
        UUID plan = plans.start(Plans.procedure(unmeasured, PERFORMED, Modality.CRYONEUROLYSIS, null, 1, null));
        outcome(plans.visit(plan, "WEEK_2"), 14, Map.of("painScore", 1)).andExpect(jsonPath("$.responder").doesNotExist());
        outcome(plans.visit(plan, "WEEK_6"), 42, Map.of("painScore", 9, "reliefPercent", 0, "sensationReturned", true))
                .andExpect(jsonPath("$.waningRelief").value(false));
        assertThat(jdbc.sql("SELECT count(*) FROM repeat_candidate WHERE plan_id = ?").param(plan)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_coordinator_books_the_consult_then_dismisses_with_a_reason_and_each_decision_is_announced() throws Exception {
        UUID candidate = waningCandidate();
        mvc.perform(get("/api/repeat-treatments/{id}", candidate).with(ClinicJwt.proceduralist()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""));

        decide(candidate, "\"0\"", Map.of("action", "CONSULT_BOOKED"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("CONSULT_BOOKED"))
                .andExpect(jsonPath("$.decidedBy").value("coordinator1"));
        decide(candidate, "\"0\"", Map.of("action", "DISMISSED", "reason", "Patient declines"))
                .andExpect(status().isPreconditionFailed());
        decide(candidate, null, Map.of("action", "DISMISSED"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        decide(candidate, "\"1\"", Map.of("action", "DISMISSED", "reason", "Patient prefers\nphysiotherapy first"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.decisionReason").value("Patient prefers\nphysiotherapy first"));
        decide(candidate, null, Map.of("action", "CONSULT_BOOKED"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("repeat-decision-not-allowed"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.candidateStatus").value("DISMISSED"));

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            topic.awaitRecord(patientId, e -> e.contains("\"DISMISSED\""), Duration.ofSeconds(30));
            List<String> resolved = topic.allRecordsFor(patientId).stream()
                    .filter(e -> e.contains("\"RepeatTreatmentResolved\"")).toList();
            assertThat(resolved).hasSize(2);
            resolved.forEach(e -> EventSchemas.assertConforms(Topics.FOLLOWUPS, "RepeatTreatmentResolved", e));
            assertThat(String.join("", resolved)).doesNotContain("physiotherapy"); // reasons stay here
        }
    }

    @Test
    void only_a_coordinator_decides_and_bad_decisions_are_refused() throws Exception {
        UUID candidate = waningCandidate();
        String body = json.writeValueAsString(Map.of("action", "CONSULT_BOOKED"));
        mvc.perform(post("/api/repeat-treatments/{id}/decision", candidate).with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/repeat-treatments/{id}/decision", candidate).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/repeat-treatments").with(ClinicJwt.frontDesk())).andExpect(status().isForbidden());
        mvc.perform(get("/api/repeat-treatments")).andExpect(status().isUnauthorized());
        decide(candidate, null, Map.of("action", "REPEATED")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        decide(candidate, null, Map.of("action", "DISMISSED", "reason", "x".repeat(2001))).andExpect(status().isBadRequest());
        decide(UUID.randomUUID(), null, Map.of("action", "CONSULT_BOOKED")).andExpect(status().isNotFound());
        mvc.perform(get("/api/repeat-treatments").param("status", "WAITING").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest());

        assertThat(jdbc.sql("SELECT status FROM repeat_candidate WHERE id = ?").param(candidate).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    @Test
    void the_repeat_procedure_closes_the_candidate_and_starts_a_new_plan() throws Exception {
        UUID candidate = waningCandidate();
        decide(candidate, null, Map.of("action", "CONSULT_BOOKED")).andExpect(status().isOk());

        clock.set(PERFORMED.plusDays(120));
        ProcedureFacts repeat = Plans.procedure(patientId, PERFORMED.plusDays(120), Modality.CRYONEUROLYSIS, 7, 2,
                knee.procedureId());
        UUID newPlan = plans.start(repeat);

        assertThat(newPlan).isNotNull();
        assertThat(jdbc.sql("SELECT status, repeat_procedure_id FROM repeat_candidate WHERE id = ?").param(candidate)
                .query().singleRow())
                .containsEntry("status", "REPEATED").containsEntry("repeat_procedure_id", repeat.procedureId());
        mvc.perform(get("/api/repeat-treatments").param("status", "OPEN").param("patientId", patientId.toString())
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            String closed = topic.awaitRecord(patientId, e -> e.contains("\"REPEATED\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "RepeatTreatmentResolved", closed);
            assertThat(closed).contains(repeat.procedureId().toString());
        }
    }

    @Test
    void a_later_procedure_on_the_same_targets_closes_the_candidate_even_unlinked_and_another_side_does_not()
            throws Exception {
        UUID candidate = waningCandidate();

        clock.set(PERFORMED.plusDays(100));
        ProcedureFacts leftKnee = new ProcedureFacts(UUID.randomUUID(), patientId, noon(PERFORMED.plusDays(100)),
                Modality.CRYONEUROLYSIS, "KNEE_OSTEOARTHRITIS",
                List.of(new TreatedTarget("SUPEROMEDIAL_GENICULAR", "LEFT", null)), 7, 1, null);
        plans.start(leftKnee);
        assertThat(candidateStatus(candidate)).isEqualTo("OPEN");

        clock.set(PERFORMED.plusDays(110));
        ProcedureFacts rightKneeAgain = new ProcedureFacts(UUID.randomUUID(), patientId, noon(PERFORMED.plusDays(110)),
                Modality.RADIOFREQUENCY_ABLATION, "KNEE_OSTEOARTHRITIS",
                List.of(new TreatedTarget("INFEROMEDIAL_GENICULAR", "BILATERAL", null)), 7, 1, null);
        plans.start(rightKneeAgain);
        assertThat(candidateStatus(candidate)).isEqualTo("REPEATED");
    }

    @Test
    void an_outcome_documented_after_the_repeat_was_recorded_recommends_nothing() throws Exception {
        outcome("WEEK_2", 14, Map.of("painScore", 2));
        UUID week6 = missed("WEEK_6");
        clock.set(PERFORMED.plusDays(60));
        plans.start(Plans.procedure(patientId, PERFORMED.plusDays(60), Modality.CRYONEUROLYSIS, 7, 2, knee.procedureId()));

        outcome(week6, 60, Map.of("painScore", 6, "assessedOn", PERFORMED.plusDays(42).toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.waningRelief").value(true));
        assertThat(jdbc.sql("SELECT count(*) FROM repeat_candidate WHERE plan_id = ?").param(planId)
                .query(Integer.class).single()).isZero();
        assertThat(reliefEndedOn()).isEqualTo(PERFORMED.plusDays(42)); // waning came before the repeat
    }

    @Test
    void a_repeat_ends_the_earlier_plans_relief_by_its_day_whatever_is_documented_later() throws Exception {
        outcome("WEEK_2", 14, Map.of("painScore", 2));
        UUID week6 = missed("WEEK_6");
        clock.set(PERFORMED.plusDays(60));
        plans.start(Plans.procedure(patientId, PERFORMED.plusDays(60), Modality.CRYONEUROLYSIS, 7, 2, knee.procedureId()));

        outcome(week6, 61, Map.of("painScore", 2, "assessedOn", PERFORMED.plusDays(42).toString()))
                .andExpect(jsonPath("$.waningRelief").value(false));
        assertThat(reliefEndedOn()).isEqualTo(PERFORMED.plusDays(60));
    }

    /** The visit as the missed-visit job leaves it: a repeat cancels open visits, a missed one stays documentable. */
    private UUID missed(String label) {
        UUID visitId = plans.visit(planId, label);
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED' WHERE id = ?").param(visitId).update();
        return visitId;
    }

    private LocalDate reliefEndedOn() {
        return jdbc.sql("SELECT relief_ended_on FROM follow_up_plan WHERE id = ?").param(planId)
                .query(LocalDate.class).single();
    }

    /** Responder at week 2, waning at week 6: the plan's candidate. */
    private UUID waningCandidate() throws Exception {
        outcome("WEEK_2", 14, Map.of("painScore", 2)).andExpect(status().isCreated());
        outcome("WEEK_6", 42, Map.of("painScore", 5, "reliefPercent", 40)).andExpect(status().isCreated());
        return jdbc.sql("SELECT id FROM repeat_candidate WHERE plan_id = ?").param(planId).query(UUID.class).single();
    }

    private ResultActions outcome(String label, int day, Map<String, Object> body) throws Exception {
        return outcome(plans.visit(planId, label), day, body);
    }

    private ResultActions outcome(UUID visitId, int day, Map<String, Object> body) throws Exception {
        clock.set(PERFORMED.plusDays(day));
        return mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    private ResultActions decide(UUID candidate, String ifMatch, Map<String, Object> body) throws Exception {
        var request = post("/api/repeat-treatments/{id}/decision", candidate).with(ClinicJwt.coordinator())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new LinkedHashMap<>(body)));
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    private String candidateStatus(UUID candidate) {
        return jdbc.sql("SELECT status FROM repeat_candidate WHERE id = ?").param(candidate).query(String.class).single();
    }


    private static java.time.Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }
}
