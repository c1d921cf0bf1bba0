package org.clinictracker.followups.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The expected end of relief stored on a plan as outcomes arrive, and the coordinators' list of responders whose
 * relief is expected to end soon. Outcomes are stood in for by the plan's response columns and the in-process
 * {@link OutcomeRecorded} the outcome service publishes. Each test works on nerves and a "today" of its own (far
 * in the future), so the clinic-wide record and list are not disturbed by other tests or earlier runs.
 */
@ClinicServiceTest
class ReliefTests {

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
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    private LocalDate today;
    private String nerve;

    @BeforeEach
    void aDayAndANerveOfItsOwn() {
        today = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300_000));
        clock.set(today);
        nerve = "TEST_NERVE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_new_responder_with_no_history_gets_the_published_range_of_cryoneurolysis() {
        UUID patient = plans.patient("Ines, Ana", 8);
        Treated plan = treat(patient, today.minusDays(40), Modality.CRYONEUROLYSIS, null, target("LEFT"));

        respond(plan, today.minusDays(10));

        assertThat(stored(plan)).containsExactly(plan.performedOn.plusDays(225), plan.performedOn.plusDays(90),
                plan.performedOn.plusDays(360), "PUBLISHED_RANGE", null);
    }

    @Test
    void a_coordinators_responder_outcome_puts_the_plan_on_the_list_and_a_waning_one_takes_it_off() throws Exception {
        LocalDate performed = today.minusDays(15);
        Treated plan = treat(plans.patient("Outcome, Olga", 8), performed, Modality.CRYONEUROLYSIS, null, target("LEFT"));

        postOutcome(plans.visit(plan.planId, "WEEK_2"), 3);

        assertThat(stored(plan)).containsExactly(performed.plusDays(225), performed.plusDays(90),
                performed.plusDays(360), "PUBLISHED_RANGE", null);
        clock.set(performed.plusDays(200));
        assertThat(planIds(list("/api/followups/relief-ending?withinDays=30&size=100", ClinicJwt.coordinator())))
                .contains(plan.planId.toString());

        clock.set(performed.plusDays(90));
        postOutcome(plans.visit(plan.planId, "MONTH_3"), 7);

        assertThat(stored(plan)).containsOnlyNulls();
        clock.set(performed.plusDays(200));
        assertThat(planIds(list("/api/followups/relief-ending?withinDays=30&size=100", ClinicJwt.coordinator())))
                .doesNotContain(plan.planId.toString());
    }

    @Test
    void a_responder_whose_earlier_treatment_of_the_same_nerve_wore_off_gets_their_own_history() {
        UUID patient = plans.patient("Own, History", 7);
        Treated first = treat(patient, today.minusDays(500), Modality.CRYONEUROLYSIS, null, target("RIGHT"));
        respond(first, today.minusDays(480));
        endRelief(first, first.performedOn.plusDays(150));
        Treated second = treat(patient, today.minusDays(30), Modality.CRYONEUROLYSIS, first.procedureId, target("RIGHT"));

        respond(second, today.minusDays(5));

        assertThat(stored(first)).containsOnlyNulls();
        assertThat(stored(second)).containsExactly(second.performedOn.plusDays(150), second.performedOn.plusDays(150),
                second.performedOn.plusDays(150), "OWN_HISTORY", 1);
    }

    @Test
    void with_enough_of_the_clinics_own_treatments_of_that_nerve_the_clinic_record_is_used() {
        for (int i = 1; i <= 10; i++) {
            Treated other = treat(plans.patient("Clinic, Patient " + i, 8), today.minusDays(600),
                    Modality.RADIOFREQUENCY_ABLATION, null, target(i % 2 == 0 ? "LEFT" : "RIGHT"));
            respond(other, today.minusDays(590));
            endRelief(other, other.performedOn.plusDays(i * 10));
        }
        Treated plan = treat(plans.patient("New, Patient", 9), today.minusDays(20), Modality.RADIOFREQUENCY_ABLATION,
                null, target("LEFT"));

        respond(plan, today.minusDays(3));

        // 10..100 days: quartiles 32.5 (down) and 77.5 (up), median 55
        assertThat(stored(plan)).containsExactly(plan.performedOn.plusDays(55), plan.performedOn.plusDays(32),
                plan.performedOn.plusDays(78), "CLINIC_RECORD", 10);
    }

    @Test
    void a_treatment_ended_by_a_repeat_without_relief_is_no_part_of_the_clinics_record_of_relief() {
        for (int i = 1; i <= 10; i++) {
            Treated other = treat(plans.patient("No, Relief " + i, 8), today.minusDays(600), Modality.CRYONEUROLYSIS,
                    null, target("LEFT"));
            jdbc.sql("UPDATE follow_up_plan SET relief_ended_on = ? WHERE id = ?")
                    .param(java.sql.Date.valueOf(other.performedOn.plusDays(30))).param(other.planId).update();
        }
        Treated plan = treat(plans.patient("New, Nora", 9), today.minusDays(20), Modality.CRYONEUROLYSIS, null,
                target("LEFT"));

        respond(plan, today.minusDays(3));

        assertThat(stored(plan).get(3)).isEqualTo("PUBLISHED_RANGE");
    }

    @Test
    void the_estimate_is_cleared_when_relief_ends_and_a_non_responder_never_gets_one() {
        Treated plan = treat(plans.patient("Wane, Will", 8), today.minusDays(100), Modality.CRYONEUROLYSIS, null,
                target("LEFT"));
        respond(plan, today.minusDays(80));
        assertThat(stored(plan).get(3)).isEqualTo("PUBLISHED_RANGE");

        endRelief(plan, today.minusDays(1));

        assertThat(stored(plan)).containsOnlyNulls();
        Treated notResponding = treat(plans.patient("Not, Yet", 8), today.minusDays(20), Modality.CRYONEUROLYSIS, null,
                target("LEFT"));
        outcome(notResponding, today.minusDays(6));
        assertThat(stored(notResponding)).containsOnlyNulls();
    }

    @Test
    void a_nerve_block_has_no_published_range_and_so_no_estimate_without_history() {
        Treated block = treat(plans.patient("Block, Bea", 6), today.minusDays(3), Modality.NERVE_BLOCK, null,
                target("LEFT"));
        respond(block, today.minusDays(2));
        assertThat(stored(block)).containsOnlyNulls();
    }

    @Test
    void a_repeat_treatment_of_the_same_targets_takes_the_estimate_off_the_plan_it_repeats() {
        UUID patient = plans.patient("Repeat, Rita", 8);
        Treated first = treat(patient, today.minusDays(200), Modality.CRYONEUROLYSIS, null, target("LEFT"));
        respond(first, today.minusDays(150));
        assertThat(stored(first).get(0)).isNotNull();

        treat(patient, today.minusDays(1), Modality.CRYONEUROLYSIS, first.procedureId, target("LEFT"));

        assertThat(stored(first)).containsOnlyNulls();
        respond(first, today);
        assertThat(stored(first)).as("a late outcome of the old plan does not bring it back").containsOnlyNulls();
    }

    @Test
    void the_list_shows_responders_whose_likely_end_falls_within_the_days_asked_soonest_first() throws Exception {
        // published range: likely 225 days after the procedure, so performed 225 - n days ago ends in n days
        Treated inFive = responderEndingIn(5, "Five, Fay");
        Treated today0 = responderEndingIn(0, "Zero, Zed");
        Treated inThirty = responderEndingIn(30, "Thirty, Tom");
        Treated inThirtyOne = responderEndingIn(31, "Late, Lou");
        Treated yesterday = responderEndingIn(-1, "Past, Pam");

        JsonNode page = list("/api/followups/relief-ending?withinDays=30&size=100", ClinicJwt.coordinator());

        assertThat(planIds(page)).containsSubsequence(today0.planId.toString(), inFive.planId.toString(),
                inThirty.planId.toString()).doesNotContain(inThirtyOne.planId.toString(), yesterday.planId.toString());
        JsonNode five = entry(page, inFive);
        assertThat(five.path("patientId").asString()).isEqualTo(inFive.patientId.toString());
        assertThat(five.path("mrn").asString()).startsWith("CT-");
        assertThat(five.path("displayName").asString()).isEqualTo("Five, Fay");
        assertThat(five.path("procedureId").asString()).isEqualTo(inFive.procedureId.toString());
        assertThat(five.path("modality").asString()).isEqualTo("CRYONEUROLYSIS");
        assertThat(five.path("targets").get(0).path("nerve").asString()).isEqualTo(nerve);
        assertThat(five.path("performedOn").asString()).isEqualTo(inFive.performedOn.toString());
        assertThat(five.path("expectedReliefEnd").path("likely").asString()).isEqualTo(today.plusDays(5).toString());
        assertThat(five.path("expectedReliefEnd").path("earliest").asString())
                .isEqualTo(inFive.performedOn.plusDays(90).toString());
        assertThat(five.path("expectedReliefEnd").path("latest").asString())
                .isEqualTo(inFive.performedOn.plusDays(360).toString());
        assertThat(five.path("expectedReliefEnd").path("basis").asString()).isEqualTo("PUBLISHED_RANGE");

        JsonNode wider = list("/api/followups/relief-ending?withinDays=31&size=100", ClinicJwt.proceduralist());
        assertThat(planIds(wider)).contains(inThirtyOne.planId.toString());
    }

    @Test
    void the_list_is_paged_and_thirty_days_is_the_default() throws Exception {
        Treated first = responderEndingIn(1, "Page, One");
        Treated second = responderEndingIn(2, "Page, Two");
        Treated third = responderEndingIn(3, "Page, Three");

        JsonNode all = list("/api/followups/relief-ending", ClinicJwt.clinicAdmin());
        int before = indexOf(all, first);
        assertThat(before).isNotNegative();
        assertThat(indexOf(all, second)).isEqualTo(before + 1);
        assertThat(indexOf(all, third)).isEqualTo(before + 2);
        assertThat(all.path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode secondPage = list("/api/followups/relief-ending?page=" + (before + 1) + "&size=1", ClinicJwt.coordinator());
        assertThat(planIds(secondPage)).containsExactly(second.planId.toString());
        assertThat(secondPage.path("page").path("number").asInt()).isEqualTo(before + 1);
        assertThat(secondPage.path("page").path("size").asInt()).isEqualTo(1);
        assertThat(secondPage.path("page").path("totalElements").asLong())
                .isEqualTo(all.path("page").path("totalElements").asLong());
    }

    @Test
    void a_patient_lost_to_follow_up_is_listed_as_such() throws Exception {
        Treated lost = responderEndingIn(6, "Gone, Gil");
        Treated coming = responderEndingIn(6, "Here, Hal");
        jdbc.sql("UPDATE known_patient SET lost_to_follow_up_since = ? WHERE id = ?")
                .param(java.sql.Date.valueOf(today.minusDays(20))).param(lost.patientId).update();

        JsonNode page = list("/api/followups/relief-ending?withinDays=6&size=100", ClinicJwt.coordinator());

        assertThat(entry(page, lost).path("lostToFollowUpSince").asString()).isEqualTo(today.minusDays(20).toString());
        assertThat(entry(page, coming).has("lostToFollowUpSince")).isFalse();
    }

    @Test
    void each_patient_the_list_shows_is_audited() throws Exception {
        Treated shown = responderEndingIn(4, "Seen, Sam");
        list("/api/followups/relief-ending?withinDays=4&size=100", ClinicJwt.as("coord9", "coordinator"));
        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM audit_entry WHERE patient_id = ?").param(shown.patientId)
                .query(String.class).list()).containsExactly("coord9 RELIEF_ENDING_LISTED");
    }

    @Test
    void the_list_reads_the_partial_index_of_expected_ends() {
        String plan = transaction.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + ReliefRepository.ENDING_BETWEEN)
                    .param("from", java.sql.Date.valueOf(today)).param("to", java.sql.Date.valueOf(today.plusDays(30)))
                    .param("limit", 50).param("offset", 0L).query(String.class).list());
        });
        assertThat(plan).contains("follow_up_plan_relief_end");
    }

    @Test
    void only_coordinators_proceduralists_and_the_clinic_admin_see_the_list() throws Exception {
        for (ClinicToken reader : List.of(ClinicJwt.coordinator(), ClinicJwt.proceduralist(), ClinicJwt.clinicAdmin())) {
            mvc.perform(get("/api/followups/relief-ending").with(reader)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/followups/relief-ending").with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/followups/relief-ending")).andExpect(status().isUnauthorized());
    }

    @Test
    void days_outside_1_to_365_and_bad_paging_are_bad_requests() throws Exception {
        for (String query : List.of("withinDays=0", "withinDays=366", "withinDays=-3", "withinDays=soon", "page=-1",
                "size=0", "size=101")) {
            mvc.perform(get("/api/followups/relief-ending?" + query).with(ClinicJwt.coordinator()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/followups/relief-ending?withinDays=365").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk());
    }

    // --- fixtures ---

    private record Treated(UUID planId, UUID procedureId, UUID patientId, LocalDate performedOn) {
    }

    private TreatedTarget target(String side) {
        return new TreatedTarget(nerve, side, null);
    }

    /** A procedure kept in the replica, and its plan. */
    private Treated treat(UUID patientId, LocalDate performedOn, Modality modality, UUID previousProcedureId,
            TreatedTarget... targets) {
        Instant performedAt = performedOn.atTime(LocalTime.of(9, 30)).toInstant(ZoneOffset.UTC);
        ProcedureFacts facts = new ProcedureFacts(UUID.randomUUID(), patientId, performedAt, modality, "M17.11",
                List.of(targets), 8, previousProcedureId == null ? 1 : 2, previousProcedureId);
        UUID planId = plans.start(facts);
        return new Treated(planId, facts.procedureId(), patientId, performedOn);
    }

    /** The plan's first responder outcome, as the outcome service stores and announces it. */
    private void respond(Treated plan, LocalDate assessedOn) {
        jdbc.sql("UPDATE follow_up_plan SET responder_since = coalesce(responder_since, ?), best_pain_score = 2 WHERE id = ?")
                .param(java.sql.Date.valueOf(assessedOn)).param(plan.planId).update();
        outcome(plan, assessedOn);
    }

    /** A waning outcome: relief has ended on that day. */
    private void endRelief(Treated plan, LocalDate endedOn) {
        jdbc.sql("UPDATE follow_up_plan SET relief_ended_on = ? WHERE id = ?").param(java.sql.Date.valueOf(endedOn))
                .param(plan.planId).update();
        outcome(plan, endedOn);
    }

    /** A coordinator documents the visit today with this pain score (the plan's baseline is 8). */
    private void postOutcome(UUID visitId, int painScore) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("painScore", painScore))))
                .andExpect(status().isCreated());
    }

    private void outcome(Treated plan, LocalDate assessedOn) {
        transaction.executeWithoutResult(status -> events.publishEvent(
                new OutcomeRecorded(UUID.randomUUID(), plan.planId, plan.patientId, plan.procedureId, assessedOn)));
    }

    /** A cryoneurolysis responder with the published range, whose likely end is {@code days} from today. */
    private Treated responderEndingIn(int days, String name) {
        Treated plan = treat(plans.patient(name, 8), today.minusDays(225 - days), Modality.CRYONEUROLYSIS, null,
                target("LEFT"));
        respond(plan, plan.performedOn.plusDays(14));
        return plan;
    }

    private List<Object> stored(Treated plan) {
        Map<String, Object> row = jdbc.sql("""
                SELECT expected_relief_end, expected_relief_earliest, expected_relief_latest, expected_relief_basis,
                       expected_relief_sample FROM follow_up_plan WHERE id = ?""").param(plan.planId).query().singleRow();
        return java.util.Arrays.asList(day(row.get("expected_relief_end")), day(row.get("expected_relief_earliest")),
                day(row.get("expected_relief_latest")), row.get("expected_relief_basis"), row.get("expected_relief_sample"));
    }

    private static LocalDate day(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

    private JsonNode list(String url, ClinicToken token) throws Exception {
        MockHttpServletRequestBuilder request = get(url).with(token);
        String body = mvc.perform(request).andExpect(status().isOk()).andExpect(jsonPath("$.content").isArray())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static List<String> planIds(JsonNode page) {
        return page.path("content").valueStream().map(item -> item.path("planId").asString()).toList();
    }

    private static JsonNode entry(JsonNode page, Treated plan) {
        return page.path("content").valueStream().filter(item -> item.path("planId").asString().equals(plan.planId.toString()))
                .findFirst().orElseThrow();
    }

    private static int indexOf(JsonNode page, Treated plan) {
        return planIds(page).indexOf(plan.planId.toString());
    }
}
