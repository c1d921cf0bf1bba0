package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator reviews a patient's answers, or corrects an outcome by amendment: the version read must still be
 * current, the earlier version is kept with its reason, and the plan's response follows the corrected measures.
 */
@ClinicServiceTest
class OutcomeAmendmentTests {

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

    @Autowired
    FollowUpOutcomes outcomes;

    @Autowired
    TransactionTemplate transaction;

    UUID patientId;
    UUID planId;
    UUID week2;

    @BeforeEach
    void thePatientAnsweredWeek2() {
        clock.set(PERFORMED);
        patientId = plans.patient("Okafor, Ada", 7);
        planId = plans.start(Plans.kneeCryo(patientId, PERFORMED)); // pain 8 before
        week2 = plans.visit(planId, "WEEK_2");
        clock.set(TODAY);
        // as the patient's link records them (PatientAnswers), without the link itself
        transaction.executeWithoutResult(status -> outcomes.record(week2, new OutcomeReport(3, 70, null, null, 4,
                false, null, "fine", null, 4, 3, 3).withPegScore(), Reporter.patient()));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_outcome_shows_who_reported_it_and_waits_for_review() throws Exception {
        mvc.perform(get("/api/followups/{id}/outcome", week2).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.reportedBy").value("PATIENT"))
                .andExpect(jsonPath("$.recordedBy").value("patient"))
                .andExpect(jsonPath("$.painAverage").value(4))
                .andExpect(jsonPath("$.pegEnjoyment").value(3))
                .andExpect(jsonPath("$.pegActivity").value(3))
                .andExpect(jsonPath("$.functionScore.instrument").value("PEG"))
                .andExpect(jsonPath("$.functionScore.value").value(3.3))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.reviewedBy").doesNotExist());
    }

    @Test
    void reviewing_marks_the_answers_reviewed_once() throws Exception {
        mvc.perform(post("/api/followups/{id}/outcome/review", week2).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewedBy").value("coordinator1"))
                .andExpect(jsonPath("$.reviewedAt").exists())
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(post("/api/followups/{id}/outcome/review", week2).with(ClinicJwt.coordinator()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("outcome-already-reviewed"));
        assertThat(audits("FOLLOW_UP_OUTCOME_REVIEWED")).isEqualTo(1);
    }

    @Test
    void a_visit_without_an_outcome_has_nothing_to_review_and_only_a_coordinator_reviews() throws Exception {
        mvc.perform(post("/api/followups/{id}/outcome/review", plans.visit(planId, "MONTH_3"))
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("no-outcome"));
        mvc.perform(post("/api/followups/{id}/outcome/review", week2).with(ClinicJwt.proceduralist()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT reviewed_at IS NULL FROM follow_up_outcome WHERE visit_id = ?").param(week2)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void an_amendment_keeps_the_earlier_version_and_reassesses_the_response() throws Exception {
        Map<String, Object> body = amendment("The patient meant pain 7 now; confirmed by phone.");
        body.put("painScore", 7);

        amend("\"1\"", body, ClinicJwt.coordinator())
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.painScore").value(7))
                .andExpect(jsonPath("$.responder").value(false)) // 7 is not 50 % below 8
                .andExpect(jsonPath("$.reportedBy").value("PATIENT"))
                .andExpect(jsonPath("$.reviewedBy").value("coordinator1"))
                .andExpect(jsonPath("$.functionScore.instrument").value("PEG"));

        assertThat(jdbc.sql("SELECT best_pain_score FROM follow_up_plan WHERE id = ?").param(planId)
                .query(Integer.class).single()).isEqualTo(7);
        mvc.perform(get("/api/followups/{id}/outcome/versions", week2).with(ClinicJwt.proceduralist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].painScore").value(3))
                .andExpect(jsonPath("$[0].reportedBy").value("PATIENT"))
                .andExpect(jsonPath("$[0].amendedBy").value("coordinator1"))
                .andExpect(jsonPath("$[0].amendmentReason").value("The patient meant pain 7 now; confirmed by phone."));
        assertThat(audits("FOLLOW_UP_OUTCOME_AMENDED")).isEqualTo(1);
    }

    @Test
    void an_amendment_that_shows_relief_waning_recommends_a_repeat() throws Exception {
        clock.set(PERFORMED.plusDays(42));
        UUID week6 = plans.visit(planId, "WEEK_6");
        record(week6, Map.of("painScore", 3)).andExpect(status().isCreated());
        assertThat(candidates()).isZero();

        Map<String, Object> body = amendment("Pain was misread on the phone: 7, not 3.");
        body.put("painScore", 7);
        amend("\"1\"", body, week6, ClinicJwt.coordinator()).andExpect(status().isOk())
                .andExpect(jsonPath("$.waningRelief").value(true));

        assertThat(candidates()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'RepeatTreatmentRecommended' "
                + "AND payload::text LIKE ?").param("%" + planId + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void complications_added_by_an_amendment_are_published_once() throws Exception {
        Map<String, Object> body = amendment("On review the patient reported a bruise.");
        body.put("adverseEvents", List.of(Map.of("type", "BRUISING", "severity", "MILD", "serious", false,
                "onsetOn", PERFORMED.plusDays(1).toString(), "outcome", "RESOLVED",
                "resolvedOn", PERFORMED.plusDays(6).toString())));

        amend("\"1\"", body, ClinicJwt.coordinator()).andExpect(status().isOk())
                .andExpect(jsonPath("$.adverseEvents.length()").value(1));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'AdverseEventObserved' "
                + "AND payload::text LIKE ?").param("%" + week2 + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_stale_or_missing_version_a_blank_reason_or_another_role_changes_nothing() throws Exception {
        Map<String, Object> body = amendment("Pain corrected.");
        body.put("painScore", 7);
        amend("\"1\"", body, ClinicJwt.coordinator()).andExpect(status().isOk());
        String before = current();

        amend("\"1\"", body, ClinicJwt.coordinator())
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("stale-version"))
                .andExpect(jsonPath("$.currentVersion").value(2));
        amend(null, body, ClinicJwt.coordinator())
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("if-match-required"));
        for (String blank : new String[] { "", "   ", "\u200B" }) {
            amend("\"2\"", amendment(blank), ClinicJwt.coordinator())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("amendmentReason"));
        }
        Map<String, Object> noReason = new LinkedHashMap<>(body);
        noReason.remove("amendmentReason");
        amend("\"2\"", noReason, ClinicJwt.coordinator()).andExpect(status().isBadRequest());
        amend("\"2\"", amendment("x".repeat(501)), ClinicJwt.coordinator()).andExpect(status().isBadRequest());
        amend("\"2\"", body, ClinicJwt.proceduralist()).andExpect(status().isForbidden());
        amend("\"2\"", body, ClinicJwt.frontDesk()).andExpect(status().isForbidden());
        mvc.perform(put("/api/followups/{id}/outcome", week2).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isUnauthorized());
        amend("\"1\"", Map.of("painScore", 11, "amendmentReason", "typo"), ClinicJwt.coordinator())
                .andExpect(status().isBadRequest());

        assertThat(current()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_outcome_version WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void an_outcome_not_recorded_cannot_be_amended() throws Exception {
        amend("\"1\"", amendment("nothing to amend"), plans.visit(planId, "MONTH_3"), ClinicJwt.coordinator())
                .andExpect(status().isNotFound());
    }

    private Map<String, Object> amendment(String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("painScore", 3);
        body.put("reliefPercent", 70);
        body.put("satisfaction", 4);
        body.put("painAverage", 4);
        body.put("pegEnjoyment", 3);
        body.put("pegActivity", 3);
        body.put("amendmentReason", reason);
        return body;
    }

    private ResultActions amend(String ifMatch, Map<String, ?> body, RequestPostProcessor user) throws Exception {
        return amend(ifMatch, body, week2, user);
    }

    private ResultActions amend(String ifMatch, Map<String, ?> body, UUID visitId, RequestPostProcessor user)
            throws Exception {
        var request = put("/api/followups/{id}/outcome", visitId).with(user)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private ResultActions record(UUID visitId, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private String current() {
        return jdbc.sql("SELECT to_jsonb(o)::text FROM follow_up_outcome o WHERE visit_id = ?").param(week2)
                .query(String.class).single();
    }

    private int audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND action = ?").param(patientId)
                .param(action).query(Integer.class).single();
    }

    private int candidates() {
        return jdbc.sql("SELECT count(*) FROM repeat_candidate WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }
}
