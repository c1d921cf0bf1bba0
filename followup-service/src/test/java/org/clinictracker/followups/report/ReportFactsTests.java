package org.clinictracker.followups.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.missed.MissedVisits;
import org.clinictracker.followups.plan.PlanAmendments;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report's per-plan facts ({@code plan_report_facts}) follow the plan's rows through the service's own write
 * paths: an outcome recorded (and a later one in the same window), a procedure whose day is amended (its windows
 * move over the outcomes), a visit missed, a repeat treatment (and its day amended). Each test treats a patient of
 * its own on a nerve of its own.
 */
@ClinicServiceTest
class ReportFactsTests {

    static final LocalDate PERFORMED = LocalDate.of(2026, 2, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    PlanAmendments amendments;

    @Autowired
    MissedVisits missedVisits;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestClock clock;

    private String nerve;
    private UUID patient;

    @BeforeEach
    void aPatientAndANerveOfItsOwn() {
        clock.set(PERFORMED);
        nerve = "FACTS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        patient = plans.patient("Facts, Ida", 8);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_outcome_recorded_is_its_windows_fact_until_a_later_one_in_the_window() throws Exception {
        ProcedureFacts procedure = procedure(PERFORMED, null);
        UUID plan = start(procedure);
        assertThat(facts(plan)).containsEntry("m3_outcome", false).containsEntry("m3_planned", true)
                .containsEntry("last_outcome_on", null).containsEntry("patient_has_other_plans", false);

        outcome(plan, 80, 3, 20.0); // 3 of baseline 8: a responder
        assertThat(facts(plan)).containsEntry("m3_outcome", true).containsEntry("m3_responder", true)
                .containsEntry("m3_pain", 3).containsEntry("m6_outcome", false)
                .containsEntry("last_outcome_on", Date.valueOf(PERFORMED.plusDays(80)));
        assertThat(((Number) facts(plan).get("m3_mme")).doubleValue()).isEqualTo(20.0);

        // later in days 60-120: its verdict and pain count now (6 of 8 is no response); it records no opioid use,
        // so the window's is still the one recorded on day 80
        outcome(plan, 100, 6, null);
        assertThat(facts(plan)).containsEntry("m3_responder", false).containsEntry("m3_pain", 6)
                .containsEntry("last_outcome_on", Date.valueOf(PERFORMED.plusDays(100))).containsEntry("outcomes", 2)
                .containsEntry("patient_outcomes", 0);
        assertThat(((Number) facts(plan).get("m3_mme")).doubleValue()).isEqualTo(20.0);

        outcome(plan, 170, 2, null);
        assertThat(facts(plan)).containsEntry("m3_pain", 6).containsEntry("m6_outcome", true).containsEntry("m6_pain", 2);
    }

    @Test
    void an_amended_day_moves_the_windows_over_the_outcomes() throws Exception {
        ProcedureFacts procedure = procedure(PERFORMED, null);
        UUID plan = start(procedure);
        outcome(plan, 100, 3, null);
        assertThat(facts(plan)).containsEntry("m3_outcome", true).containsEntry("m6_outcome", false);

        // performed 60 days earlier: the outcome was assessed on day 160, in month 6's window
        transaction.executeWithoutResult(status -> amendments.amend(new ProcedureFacts(procedure.procedureId(),
                procedure.patientId(), at(PERFORMED.minusDays(60)), procedure.modality(), procedure.indicationCode(),
                procedure.targets(), procedure.painBefore(), 1, null)));

        assertThat(facts(plan)).containsEntry("m3_outcome", false).containsEntry("m6_outcome", true)
                .containsEntry("m6_pain", 3);
    }

    @Test
    void a_visit_missed_changes_no_fact_and_the_procedure_is_lost_once_its_window_is_over() throws Exception {
        UUID plan = start(procedure(PERFORMED, null));
        UUID visit = visit(plan, 90);
        Map<String, Object> before = facts(plan);

        clock.set(PERFORMED.plusDays(110));
        missedVisits.markMissed();
        assertThat(jdbc.sql("SELECT state FROM follow_up_visit WHERE id = ?").param(visit).query(String.class).single())
                .isEqualTo("MISSED");
        assertThat(facts(plan)).isEqualTo(before).containsEntry("m3_planned", true).containsEntry("m3_outcome", false);
        assertThat(monthThree().path("lostToFollowUp").asInt()).as("the window is not over yet").isZero();

        clock.set(PERFORMED.plusDays(121));
        assertThat(monthThree().path("lostToFollowUp").asInt()).isEqualTo(1);
    }

    @Test
    void a_month_3_visit_rescheduled_to_day_130_is_assessed_outside_its_window_not_lost() throws Exception {
        UUID plan = start(procedure(PERFORMED, null));
        UUID month3 = visit(plan, 90);
        clock.set(PERFORMED.plusDays(85));
        mvc.perform(post("/api/followups/{id}/reschedule", month3).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dueOn\": \"" + PERFORMED.plusDays(130) + "\", \"reason\": \"Patient abroad\"}"))
                .andExpect(status().isOk());

        record(month3, 130, 3, null);

        assertThat(facts(plan)).containsEntry("m3_outcome", false).containsEntry("m3_outside", true)
                .containsEntry("m6_outcome", false).containsEntry("m6_outside", false);
        clock.set(PERFORMED.plusDays(121));
        JsonNode window = monthThree();
        assertThat(window.path("lostToFollowUp").asInt()).isZero();
        assertThat(window.path("assessedOutsideWindow").asInt()).isEqualTo(1);
        assertThat(window.path("assessed").asInt()).isZero();
    }

    @Test
    void a_repeat_treatment_is_the_first_ones_end_and_knows_its_interval_also_when_its_day_is_amended() {
        ProcedureFacts first = procedure(PERFORMED, null);
        UUID firstPlan = start(first);
        ProcedureFacts repeat = procedure(PERFORMED.plusDays(200), first.procedureId());
        UUID repeatPlan = start(repeat);

        assertThat(facts(firstPlan)).containsEntry("repeated_on", Date.valueOf(PERFORMED.plusDays(200)))
                .containsEntry("patient_has_other_plans", true).containsEntry("days_since_previous", null);
        assertThat(facts(repeatPlan)).containsEntry("days_since_previous", 200).containsEntry("repeated_on", null)
                .containsEntry("patient_has_other_plans", true);

        transaction.executeWithoutResult(status -> amendments.amend(new ProcedureFacts(repeat.procedureId(),
                repeat.patientId(), at(PERFORMED.plusDays(210)), repeat.modality(), repeat.indicationCode(),
                repeat.targets(), repeat.painBefore(), 2, first.procedureId())));

        assertThat(facts(firstPlan)).containsEntry("repeated_on", Date.valueOf(PERFORMED.plusDays(210)));
        assertThat(facts(repeatPlan)).containsEntry("days_since_previous", 210);
    }

    // --- the clinic ---

    private ProcedureFacts procedure(LocalDate performedOn, UUID previousProcedureId) {
        return new ProcedureFacts(UUID.randomUUID(), patient, at(performedOn), Modality.CRYONEUROLYSIS,
                "KNEE_OSTEOARTHRITIS", List.of(new TreatedTarget(nerve, "LEFT", null)), 8,
                previousProcedureId == null ? 1 : 2, previousProcedureId);
    }

    /** Started as the procedure consumer starts it, then pinned to protocol version 1 (months 3, 6 and 12). */
    private UUID start(ProcedureFacts procedure) {
        UUID plan = plans.start(procedure);
        jdbc.sql("UPDATE follow_up_plan SET protocol_version = 1 WHERE id = ?").param(plan).update();
        return plan;
    }

    /** An open visit of its own {@code day} days after the procedure (±7 days). */
    private UUID visit(UUID plan, int day) {
        UUID id = UUID.randomUUID();
        LocalDate performed = jdbc.sql("SELECT performed_on FROM follow_up_plan WHERE id = ?").param(plan)
                .query(LocalDate.class).single();
        jdbc.sql("""
                INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days,
                                             due_on, window_start, window_end, last_day)
                SELECT ?, id, patient_id, procedure_id, modality, ?, 'PROTOCOL', ?, ?, ?, ?, ?
                FROM follow_up_plan WHERE id = ?""")
                .param(id).param("FACTS_DAY_" + day).param(day).param(Date.valueOf(performed.plusDays(day)))
                .param(Date.valueOf(performed.plusDays(day - 7))).param(Date.valueOf(performed.plusDays(day + 7)))
                .param(Date.valueOf(performed.plusDays(day + 7))).param(plan).update();
        return id;
    }

    /** An outcome recorded through the API on the visit's day, as a coordinator records it. */
    private void outcome(UUID plan, int day, int painScore, Double opioidMmePerDay) throws Exception {
        record(visit(plan, day), day, painScore, opioidMmePerDay);
    }

    /** An outcome of this visit recorded through the API on {@code day} after the procedure. */
    private void record(UUID visit, int day, int painScore, Double opioidMmePerDay) throws Exception {
        clock.set(PERFORMED.plusDays(day));
        Map<String, Object> body = new HashMap<>();
        body.put("painScore", painScore);
        body.put("opioidMmePerDay", opioidMmePerDay);
        mvc.perform(post("/api/followups/{id}/outcome", visit).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    private Map<String, Object> facts(UUID plan) {
        return jdbc.sql("SELECT * FROM plan_report_facts WHERE plan_id = ?").param(plan).query().singleRow();
    }

    private JsonNode monthThree() throws Exception {
        String body = mvc.perform(get("/api/reports/outcomes").param("nerve", nerve).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("overall").path("windows").get(0);
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    }
}
