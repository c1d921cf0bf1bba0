package org.clinictracker.followups.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Assigning and rescheduling a visit over HTTP: what is stored, what is refused (and that a refusal stores
 * nothing), If-Match, roles. The clinic's day is fixed; each test has its own patient and plan.
 */
@ClinicServiceTest
class VisitChangeTests {

    static final LocalDate TODAY = LocalDate.of(2012, 9, 10);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    UUID patientId;
    UUID planId;
    /** Due today, window ±3 days. */
    UUID week2;

    @BeforeEach
    void aPlan() {
        clock.set(TODAY);
        patientId = plans.patient("Rossi, Anna", 7);
        planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        week2 = plans.visit(planId, "WEEK_2");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_coordinator_takes_a_visit_and_the_answer_is_the_visit_with_its_new_version() throws Exception {
        mvc.perform(assign(week2, "{\"assignee\": \"Nurse.Kim\"}").with(ClinicJwt.as("coord1", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(week2.toString()))
                .andExpect(jsonPath("$.assignee").value("nurse.kim"))
                .andExpect(jsonPath("$.status").value("DUE"))
                .andExpect(jsonPath("$.version").value(1));

        assertThat(visit(week2)).containsEntry("assignee", "nurse.kim").containsEntry("version", 1);
        assertThat(audit()).containsExactly("coord1 FOLLOW_UP_VISIT_ASSIGNED follow-up visit " + week2);
    }

    @Test
    void a_null_assignee_gives_the_visit_back_to_nobody() throws Exception {
        mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}").with(ClinicJwt.coordinator())).andExpect(status().isOk());
        mvc.perform(assign(week2, "{\"assignee\": null}").header("If-Match", "\"1\"").with(ClinicJwt.as("coord3", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").doesNotExist())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(visit(week2)).containsEntry("assignee", null);
        assertThat(audit()).contains("coord3 FOLLOW_UP_VISIT_UNASSIGNED follow-up visit " + week2); // one instant: the clock is fixed
    }

    @Test
    void a_misspelt_field_is_a_400_not_an_unassignment() throws Exception {
        jdbc.sql("UPDATE follow_up_visit SET assignee = 'nurse.kim' WHERE id = ?").param(week2).update();
        mvc.perform(assign(week2, "{\"asignee\": \"nurse.lee\"}").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(assign(week2, "").with(ClinicJwt.coordinator())).andExpect(status().isBadRequest());
        assertThat(visit(week2)).containsEntry("assignee", "nurse.kim");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"\"", "\"  \"", "\"ab\"", "\"two words\"", "\".dot\"", "\"x<script>\"", "42", "[\"a\"]" })
    void a_name_that_cannot_be_a_username_is_a_400_and_nothing_changes(String assignee) throws Exception {
        mvc.perform(assign(week2, "{\"assignee\": " + assignee + "}").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(visit(week2)).containsEntry("assignee", null).containsEntry("version", 0);
        assertThat(audit()).isEmpty();
    }

    @Test
    void a_username_longer_than_keycloak_allows_is_a_400() throws Exception {
        mvc.perform(assign(week2, "{\"assignee\": \"" + "a".repeat(256) + "\"}").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest());
        mvc.perform(assign(week2, "{\"assignee\": \"" + "a".repeat(255) + "\"}").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk());
    }

    @Test
    void a_stale_if_match_is_refused_and_a_current_one_applies() throws Exception {
        mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}").header("If-Match", "\"3\"").with(ClinicJwt.coordinator()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.currentVersion").value(0));
        mvc.perform(reschedule(week2, TODAY.plusDays(5), "Patient travelling").header("If-Match", "\"1\"")
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}").header("If-Match", "yesterday").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest());
        assertThat(visit(week2)).containsEntry("assignee", null).containsEntry("version", 0)
                .containsEntry("rescheduled_count", 0);

        mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}").header("If-Match", "\"0\"").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk());
    }

    @Test
    void a_closed_visit_can_be_neither_assigned_nor_rescheduled() throws Exception {
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE id = ?").param(week2).update();
        mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}").with(ClinicJwt.coordinator()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("visit-closed"))
                .andExpect(jsonPath("$.type").value("https://clinic-tracker.org/problems/visit-closed"));
        jdbc.sql("UPDATE follow_up_visit SET state = 'CANCELLED' WHERE id = ?").param(week2).update();
        mvc.perform(reschedule(week2, TODAY.plusDays(5), "Patient travelling").with(ClinicJwt.coordinator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("visit-not-reschedulable"))
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        assertThat(visit(week2)).containsEntry("version", 0).containsEntry("due_on", java.sql.Date.valueOf(TODAY));
        assertThat(reschedules(week2)).isZero();
    }

    @Test
    void an_unknown_visit_is_404_and_a_malformed_id_400() throws Exception {
        mvc.perform(assign(UUID.randomUUID(), "{\"assignee\": \"nurse.kim\"}").with(ClinicJwt.coordinator()))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(reschedule(UUID.randomUUID(), TODAY, "Patient travelling").with(ClinicJwt.coordinator()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/followups/not-a-visit/assign").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\": \"nurse.kim\"}").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void rescheduling_moves_the_window_with_its_widths_and_keeps_why() throws Exception {
        LocalDate newDue = TODAY.plusDays(20);
        mvc.perform(reschedule(week2, newDue, "Patient in hospital for an unrelated surgery;\nback on the 30th")
                        .with(ClinicJwt.as("coord2", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.dueOn").value(newDue.toString()))
                .andExpect(jsonPath("$.windowStart").value(newDue.minusDays(3).toString()))
                .andExpect(jsonPath("$.windowEnd").value(newDue.plusDays(3).toString()))
                .andExpect(jsonPath("$.lastDay").value(newDue.plusDays(3).toString()))
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.rescheduledCount").value(1));

        Map<String, Object> moved = jdbc.sql("""
                SELECT from_due_on, to_due_on, reason, rescheduled_by, patient_id FROM visit_reschedule WHERE visit_id = ?""")
                .param(week2).query().singleRow();
        assertThat(moved).containsEntry("from_due_on", java.sql.Date.valueOf(TODAY))
                .containsEntry("to_due_on", java.sql.Date.valueOf(newDue))
                .containsEntry("reason", "Patient in hospital for an unrelated surgery;\nback on the 30th")
                .containsEntry("rescheduled_by", "coord2").containsEntry("patient_id", patientId);
        assertThat(audit()).containsExactly("coord2 FOLLOW_UP_VISIT_RESCHEDULED follow-up visit " + week2);
    }

    @Test
    void a_missed_visit_is_reopened_by_rescheduling() throws Exception {
        UUID day2 = plans.visit(planId, "DAY_2");
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED', missed_on = ? WHERE id = ?").param(TODAY).param(day2).update();

        mvc.perform(reschedule(day2, TODAY, "Reached by phone, calls back today").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DUE"))
                .andExpect(jsonPath("$.missedOn").doesNotExist())
                .andExpect(jsonPath("$.windowStart").value(TODAY.minusDays(1).toString()))
                .andExpect(jsonPath("$.windowEnd").value(TODAY.plusDays(1).toString()));
        assertThat(visit(day2)).containsEntry("state", "OPEN").containsEntry("missed_on", null)
                .containsEntry("last_day", java.sql.Date.valueOf(TODAY.plusDays(1)));
    }

    @Test
    void a_due_day_in_the_past_too_far_ahead_or_unchanged_is_a_422_and_nothing_is_stored() throws Exception {
        for (LocalDate dueOn : new LocalDate[] { TODAY.minusDays(1), TODAY.plusDays(366), LocalDate.of(2062, 1, 1), TODAY }) {
            mvc.perform(reschedule(week2, dueOn, "Patient travelling").with(ClinicJwt.coordinator()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        }
        assertThat(visit(week2)).containsEntry("version", 0).containsEntry("rescheduled_count", 0);
        assertThat(reschedules(week2)).isZero();
        assertThat(audit()).isEmpty();
        mvc.perform(reschedule(week2, TODAY.plusDays(365), "Patient travelling").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"dueOn\": \"2012-09-20\"}",
            "{\"dueOn\": \"2012-09-20\", \"reason\": \"\"}",
            "{\"dueOn\": \"2012-09-20\", \"reason\": \"   \"}",
            "{\"dueOn\": \"2012-09-20\", \"reason\": \"away\\u0000\"}",
            "{\"dueOn\": \"2012-09-20\", \"reason\": \"away \\u202Eeman\"}",
            "{\"reason\": \"Patient travelling\"}",
            "{\"dueOn\": \"20/09/2012\", \"reason\": \"Patient travelling\"}",
            "{\"dueOn\": \"2012-02-30\", \"reason\": \"Patient travelling\"}",
            "not json" })
    void a_missing_or_unstorable_reason_or_day_is_a_400_and_nothing_is_stored(String body) throws Exception {
        mvc.perform(post("/api/followups/{id}/reschedule", week2).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(visit(week2)).containsEntry("version", 0).containsEntry("rescheduled_count", 0);
        assertThat(reschedules(week2)).isZero();
    }

    @Test
    void a_reason_longer_than_1000_characters_is_a_400() throws Exception {
        mvc.perform(reschedule(week2, TODAY.plusDays(3), "x".repeat(1001)).with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest());
        assertThat(reschedules(week2)).isZero();
    }

    @Test
    void only_coordinators_assign_and_reschedule() throws Exception {
        for (var token : new org.clinictracker.testsupport.ClinicToken[] { ClinicJwt.frontDesk(), ClinicJwt.proceduralist(),
                ClinicJwt.clinicAdmin() }) {
            mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}").with(token))
                    .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
            mvc.perform(reschedule(week2, TODAY.plusDays(3), "Patient travelling").with(token))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(assign(week2, "{\"assignee\": \"nurse.kim\"}")).andExpect(status().isUnauthorized());
        mvc.perform(reschedule(week2, TODAY.plusDays(3), "Patient travelling")).andExpect(status().isUnauthorized());
        assertThat(visit(week2)).containsEntry("version", 0);
    }

    private static MockHttpServletRequestBuilder assign(UUID visitId, String body) {
        return post("/api/followups/{id}/assign", visitId).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder reschedule(UUID visitId, LocalDate dueOn, String reason) {
        String escaped = reason.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return post("/api/followups/{id}/reschedule", visitId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueOn\": \"" + dueOn + "\", \"reason\": \"" + escaped + "\"}");
    }

    private Map<String, Object> visit(UUID visitId) {
        return jdbc.sql("""
                SELECT assignee, version, state, due_on, missed_on, last_day, rescheduled_count FROM follow_up_visit
                WHERE id = ?""").param(visitId).query().singleRow();
    }

    private int reschedules(UUID visitId) {
        return jdbc.sql("SELECT count(*) FROM visit_reschedule WHERE visit_id = ?").param(visitId).query(Integer.class).single();
    }

    private java.util.List<String> audit() {
        return jdbc.sql("SELECT actor || ' ' || action || ' ' || resource FROM audit_entry WHERE patient_id = ? ORDER BY at")
                .param(patientId).query(String.class).list();
    }
}
