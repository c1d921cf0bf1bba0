package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.clinictracker.events.Topics;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.patientlink.LinkTokens.IssuedToken;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.RequestBodyFuzz;
import org.clinictracker.testsupport.RequestBodyFuzz.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient sends their answers through the link: the visit's outcome, recorded by the coordinator's rules as the
 * patient's, once; every refusal leaves nothing behind.
 */
@ClinicServiceTest
class PatientAnswersTests {

    /** Two weeks after the procedure: the WEEK_2 visit (day 14, window days 11-17) is due. */
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
    LinkTokens tokens;

    UUID patientId;
    UUID planId;
    UUID visitId;
    String token;

    @BeforeEach
    void aLinkForTheWeek2Visit() {
        clock.set(PERFORMED);
        patientId = plans.patient("Ferreira, Lucia", 7);
        jdbc.sql("UPDATE known_patient SET given_name = 'Lucia', email = 'lucia@example.org' WHERE id = ?")
                .param(patientId).update();
        planId = plans.start(Plans.kneeCryo(patientId, PERFORMED)); // pain 8 before the procedure
        visitId = plans.visit(planId, "WEEK_2");
        clock.set(TODAY);
        token = link(visitId);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_answers_become_the_visits_outcome_as_the_patients_judged_by_the_same_rules() throws Exception {
        var sideEffects = Map.of("types", List.of("SORENESS", "OTHER"), "otherDescription", "itching at the probe site",
                "worst", "MODERATE", "neededMedicalCare", false, "stillThere", true);
        Map<String, Object> body = answers(token);
        body.put("sideEffects", sideEffects);

        submit(body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answeredOn").value(TODAY.toString()))
                .andExpect(jsonPath("$.givenName").value("Lucia"));

        var outcome = jdbc.sql("SELECT * FROM follow_up_outcome WHERE visit_id = ?").param(visitId).query().singleRow();
        assertThat(outcome)
                .containsEntry("reported_by", "PATIENT")
                .containsEntry("recorded_by", "patient")
                .containsEntry("pain_score", 3)
                .containsEntry("relief_percent", 70)
                .containsEntry("satisfaction", 4)
                .containsEntry("sensation_returned", false)
                .containsEntry("pain_average", 4)
                .containsEntry("peg_enjoyment", 3)
                .containsEntry("peg_activity", 3)
                .containsEntry("function_instrument", "PEG")
                .containsEntry("responder", true) // 3 is at least 50 % below 8, as for a coordinator's entry
                .containsEntry("assessed_on", java.sql.Date.valueOf(TODAY))
                .containsEntry("notes", "Walking to the shop again.\nThank you.")
                .containsEntry("version", 1)
                .containsEntry("reviewed_at", null);
        assertThat((java.math.BigDecimal) outcome.get("function_value")).isEqualByComparingTo("3.3");
        assertThat(visitState()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT answered_at FROM patient_link WHERE visit_id = ?").param(visitId)
                .query(Timestamp.class).single()).isNotNull();
        assertThat(jdbc.sql("SELECT best_pain_score FROM follow_up_plan WHERE id = ?").param(planId)
                .query(Integer.class).single()).isEqualTo(3);

        var events = jdbc.sql("""
                SELECT type, severity, serious, onset_on, outcome, description, notes FROM observed_adverse_event
                WHERE visit_id = ? ORDER BY type""").param(visitId).query().listOfRows();
        assertThat(events).extracting(row -> row.get("type")).containsExactly("OTHER", "SORENESS");
        assertThat(events).allSatisfy(row -> assertThat(row)
                .containsEntry("severity", "MODERATE").containsEntry("serious", false)
                .containsEntry("onset_on", java.sql.Date.valueOf(TODAY)).containsEntry("outcome", "ONGOING"));
        assertThat(events.get(0)).containsEntry("description", "itching at the probe site");
        assertThat((String) events.get(1).get("notes")).startsWith("Reported by the patient");

        assertThat(outbox("FollowUpCompleted")).singleElement().satisfies(payload -> {
            JsonNode data = json.readTree(payload).get("data");
            assertThat(data.get("reportedBy").asString()).isEqualTo("PATIENT");
            assertThat(data.get("responder").asBoolean()).isTrue();
            assertThat(data.get("painScore").asInt()).isEqualTo(3);
        });
        assertThat(outbox("AdverseEventObserved")).hasSize(2);
        assertThat(String.join("", outbox("FollowUpCompleted"))).doesNotContain("Walking to the shop");
        assertThat(jdbc.sql("""
                SELECT actor FROM audit_entry WHERE patient_id = ? AND action = 'PATIENT_ANSWERS_RECORDED'""")
                .param(patientId).query(String.class).list()).containsExactly("patient");

        // the outbox's payload is the record the relay sends to Kafka as it is (OutcomeRecordingTests follows one
        // there); read here, the check does not depend on the relay's timing under the tests' moved clock
        outbox("FollowUpCompleted").forEach(e -> EventSchemas.assertConforms(Topics.FOLLOWUPS, "FollowUpCompleted", e));
        outbox("AdverseEventObserved")
                .forEach(e -> EventSchemas.assertConforms(Topics.FOLLOWUPS, "AdverseEventObserved", e));
    }

    @Test
    void a_link_issued_in_the_clinic_is_opened_answered_and_then_shows_answered() throws Exception {
        UUID week6 = plans.visit(planId, "WEEK_6");
        clock.set(PERFORMED.plusDays(42));
        String link = json.readTree(mvc.perform(post("/api/followups/{id}/patient-link", week6)
                        .with(ClinicJwt.coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"delivery\": \"IN_CLINIC\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("link").asString();
        String issued = link.substring(link.indexOf("token=") + "token=".length());

        mvc.perform(post("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("token", issued))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("Lucia"));
        submit(answers(issued)).andExpect(status().isCreated());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/followups/{id}/patient-link", week6).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ANSWERED"));
        assertThat(jdbc.sql("SELECT reported_by FROM follow_up_outcome WHERE visit_id = ?").param(week6)
                .query(String.class).single()).isEqualTo("PATIENT");
        mvc.perform(post("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("token", issued))))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("patient-link-used"));
    }

    @Test
    void the_peg_score_needs_all_three_items_and_pain_now_alone_is_an_outcome() throws Exception {
        submit(Map.of("token", token, "painNow", 6)).andExpect(status().isCreated());

        var outcome = jdbc.sql("SELECT * FROM follow_up_outcome WHERE visit_id = ?").param(visitId).query().singleRow();
        assertThat(outcome).containsEntry("function_instrument", null).containsEntry("pain_average", null)
                .containsEntry("responder", false); // 6 is not 50 % below 8
    }

    @Test
    void a_replayed_submission_is_gone_and_stores_nothing_more() throws Exception {
        Map<String, Object> body = answers(token);
        submit(body).andExpect(status().isCreated());
        Stored before = stored();

        submit(body)
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("patient-link-used"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Lucia"))));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void two_submissions_at_once_record_one_outcome() throws Exception {
        Map<String, Object> body = answers(token);
        List<Integer> answers = atOnce(List.of(() -> statusOf(body), () -> statusOf(body)));

        assertThat(answers).containsExactlyInAnyOrder(201, 410);
        assertThat(count("follow_up_outcome")).isEqualTo(1);
        assertThat(outbox("FollowUpCompleted")).hasSize(1);
    }

    @Test
    void the_patient_answering_while_the_coordinator_documents_the_visit_keeps_one_outcome_and_no_server_error()
            throws Exception {
        Map<String, Object> body = answers(token);
        List<Integer> answers = atOnce(List.of(() -> statusOf(body),
                () -> mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"painScore\": 5}"))
                        .andReturn().getResponse().getStatus()));

        // whoever came first documented the visit; the other is told so (410 for the patient, 409 for the clinic)
        assertThat(answers).containsAnyOf(201).allSatisfy(answer -> assertThat(answer).isIn(201, 409, 410));
        assertThat(answers.stream().filter(answer -> answer == 201)).hasSize(1);
        assertThat(count("follow_up_outcome")).isEqualTo(1);
    }

    @Test
    void an_expired_link_is_gone_and_stores_nothing() throws Exception {
        clock.set(PERFORMED.plusDays(18)); // the window's last day (17) has ended
        Stored before = stored();
        submit(answers(token))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("patient-link-expired"));
        assertThat(stored()).isEqualTo(before);
        assertThat(visitState()).isEqualTo("OPEN");
    }

    @Test
    void a_link_made_for_a_window_the_visit_was_moved_out_of_is_gone_and_stores_nothing() throws Exception {
        mvc.perform(post("/api/followups/{id}/reschedule", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dueOn\": \"" + TODAY.plusDays(10) + "\", \"reason\": \"Patient travelling\"}"))
                .andExpect(status().isOk());
        Stored before = stored();

        submit(answers(token))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("patient-link-expired"));
        assertThat(stored()).isEqualTo(before);
        assertThat(visitState()).isEqualTo("OPEN");
    }

    @Test
    void a_fetch_nobody_saw_is_audited_but_is_no_opening_and_a_persons_is() throws Exception {
        openLink("{\"token\": \"" + token + "\", \"viewed\": false}").andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("Lucia"));
        assertThat(opened()).as("a mail scanner's fetch is not the patient opening it").isFalse();

        openLink("{\"token\": \"" + token + "\"}").andExpect(status().isOk());
        assertThat(opened()).isTrue();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE patient_id = ? AND action LIKE 'PATIENT_LINK_%'")
                .param(patientId).query(String.class).list())
                .contains("PATIENT_LINK_PREVIEWED", "PATIENT_LINK_OPENED");
    }

    private ResultActions openLink(String body) throws Exception {
        return mvc.perform(post("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private boolean opened() {
        return jdbc.sql("SELECT opened_at IS NOT NULL FROM patient_link WHERE visit_id = ?").param(visitId)
                .query(Boolean.class).single();
    }

    @Test
    void unknown_or_malformed_tokens_are_not_found() throws Exception {
        Stored before = stored();
        submit(answers(tokens.issue().token()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("patient-link-unknown"));
        submit(answers("not-a-token"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("patient-link-unknown"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_visit_the_clinic_documented_meanwhile_takes_no_answers() throws Exception {
        mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"painScore\": 5}"))
                .andExpect(status().isCreated());
        Stored before = stored();

        submit(answers(token))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("patient-link-used"));
        assertThat(stored()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT pain_score FROM follow_up_outcome WHERE visit_id = ?").param(visitId)
                .query(Integer.class).single()).isEqualTo(5);
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                hostile("pain now missing", body -> body.remove("painNow"), 400, "painNow"),
                hostile("pain now 11", body -> body.put("painNow", 11), 400, "painNow"),
                hostile("pain now as text", body -> body.put("painNow", "3"), 400, "painNow"),
                hostile("pain now 7.5", body -> body.put("painNow", 7.5), 400, "painNow"),
                hostile("PEG item -1", body -> body.put("painAverage", -1), 400, "painAverage"),
                hostile("relief 101 %", body -> body.put("reliefPercent", 101), 400, "reliefPercent"),
                hostile("satisfaction 0", body -> body.put("satisfaction", 0), 400, "satisfaction"),
                hostile("sensation as \"yes\"", body -> body.put("sensationReturned", "yes"), 400, "sensationReturned"),
                hostile("comments with NUL", body -> body.put("comments", "fine\u0000"), 400, "comments"),
                hostile("comments with a right-to-left override", body -> body.put("comments", "fine \u202Eenif"), 400,
                        "comments"),
                hostile("comments beyond 2000", body -> body.put("comments", "x".repeat(2001)), 400, "comments"),
                hostile("an unknown side effect", body -> body.put("sideEffects", sideEffects(List.of("HEADACHE"))),
                        400, "sideEffects.types[0]"),
                hostile("a thousand side effects", body -> body.put("sideEffects",
                        sideEffects(IntStream.range(0, 1000).mapToObj(i -> "BRUISING").toList())), 400,
                        "sideEffects.types"),
                hostile("OTHER undescribed", body -> body.put("sideEffects", sideEffects(List.of("OTHER"))), 422,
                        "sideEffects.otherDescription"),
                hostile("a side effect without how bad", body -> body.put("sideEffects",
                        Map.of("types", List.of("BRUISING"), "neededMedicalCare", false)), 422, "sideEffects.worst"),
                hostile("a misspelt answer", body -> body.put("sideEffect", Map.of("types", List.of("BLEEDING"))), 400,
                        "sideEffect"),
                hostile("a misspelt side-effect field", body -> body.put("sideEffects", Map.of("types",
                        List.of("BLEEDING"), "worst", "SEVERE", "neededMedicalCare", true, "stilThere", true)), 400,
                        "sideEffects.stilThere"),
                hostile("the token as a number", body -> body.put("token", 42), 400, "token"),
                hostile("the token 10,000 characters", body -> body.put("token", "A".repeat(10_000)), 400, "token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void hostile_answers_are_refused_naming_the_field_and_store_nothing(String what,
            java.util.function.Consumer<Map<String, Object>> spoil, int status, String field) throws Exception {
        Map<String, Object> body = answers(token);
        spoil.accept(body);
        Stored before = stored();

        submit(body)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
        assertThat(stored()).isEqualTo(before);
        // the link is still usable: the patient can correct the answers and send them
        submit(answers(token)).andExpect(status().isCreated());
    }

    @Test
    void any_hostile_body_is_refused_with_a_problem_and_stores_nothing() {
        new RequestBodyFuzz(mvc, this::storedAnywhere).refusesEveryHostileBody(freshLinkEachTime(), 50);
    }

    @Test
    void odd_texts_and_numbers_never_give_a_server_error() {
        new RequestBodyFuzz(mvc, this::storedAnywhere).neverFailsOnOddValues(freshLinkEachTime(), 30);
    }

    /** Full answers to mutate, their token each time the usable link of a fresh visit. */
    private Call freshLinkEachTime() {
        Map<String, Object> valid = answers(token);
        valid.put("sideEffects", Map.of("types", List.of("SORENESS", "OTHER"), "otherDescription", "itching",
                "worst", "MILD", "neededMedicalCare", false, "stillThere", true));
        String hash = tokens.hash(token);
        return new Call("POST /api/patient-answers", HttpMethod.POST, () -> {
            UUID patient = plans.patient("Brandt, Ilse", 7);
            UUID visit = plans.visit(plans.start(Plans.kneeCryo(patient, PERFORMED)), "WEEK_2");
            jdbc.sql("""
                    UPDATE patient_link SET visit_id = ?, patient_id = ?, answered_at = NULL, opened_at = NULL
                    WHERE token_hash = ?""").param(visit).param(patient).param(hash).update();
            return "/api/patient-answers";
        }, request -> request, Map::of, valid);
    }

    /** What any submission could change, counted after the fresh visit's plan is made. */
    private List<Long> storedAnywhere() {
        return Stream.of("SELECT count(*) FROM follow_up_outcome", "SELECT count(*) FROM observed_adverse_event",
                "SELECT count(*) FROM audit_entry WHERE action = 'PATIENT_ANSWERS_RECORDED'",
                "SELECT count(*) FROM patient_link WHERE answered_at IS NOT NULL",
                // the outbox's sequence, not its rows: the relay deletes old published rows while tests run
                "SELECT last_value FROM outbox_event_seq_seq")
                .map(sql -> jdbc.sql(sql).query(Long.class).single()).toList();
    }

    @Test
    void a_ten_megabyte_body_is_refused_and_stores_nothing() throws Exception {
        Map<String, Object> body = answers(token);
        body.put("comments", "x".repeat(10 * 1024 * 1024));
        Stored before = stored();
        int answer = statusOf(body);
        assertThat(answer).isBetween(400, 499);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void not_json_at_all_is_a_bad_request() throws Exception {
        mvc.perform(post("/api/patient-answers").contentType(MediaType.APPLICATION_JSON).content("[1, 2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(count("follow_up_outcome")).isZero();
    }

    private static Arguments hostile(String what, java.util.function.Consumer<Map<String, Object>> spoil, int status,
            String field) {
        return Arguments.of(what, spoil, status, field);
    }

    private static Map<String, Object> sideEffects(List<String> types) {
        return Map.of("types", types, "worst", "MILD", "neededMedicalCare", false, "stillThere", true);
    }

    static Map<String, Object> answers(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("painNow", 3);
        body.put("painAverage", 4);
        body.put("enjoymentOfLife", 3);
        body.put("generalActivity", 3);
        body.put("reliefPercent", 70);
        body.put("satisfaction", 4);
        body.put("sensationReturned", false);
        body.put("comments", "Walking to the shop again.\nThank you.");
        return body;
    }

    /** A link for the visit as h1's issuing stores it: only the token's hash; expires when the window's last day ends. */
    String link(UUID visit) {
        IssuedToken issued = tokens.issue();
        LocalDate lastDay = jdbc.sql("SELECT window_end FROM follow_up_visit WHERE id = ?").param(visit)
                .query(LocalDate.class).single();
        jdbc.sql("""
                INSERT INTO patient_link (id, visit_id, patient_id, token_hash, delivery, issued_by, issued_at, expires_at)
                VALUES (?, ?, ?, ?, 'IN_CLINIC', 'coordinator1', ?, ?)""")
                .param(UUID.randomUUID()).param(visit).param(patientId).param(issued.hash())
                .param(Timestamp.from(clock.instant()))
                .param(Timestamp.from(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .update();
        return issued.token();
    }

    private ResultActions submit(Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/patient-answers").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private int statusOf(Map<String, ?> body) throws Exception {
        return submit(body).andReturn().getResponse().getStatus();
    }

    private String visitState() {
        return jdbc.sql("SELECT state FROM follow_up_visit WHERE id = ?").param(visitId).query(String.class).single();
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE visit_id = ?").param(visitId)
                .query(Integer.class).single();
    }

    private List<String> outbox(String type) {
        return jdbc.sql("SELECT payload::text FROM outbox_event WHERE event_type = ? AND payload::text LIKE ?")
                .param(type).param("%" + visitId + "%").query(String.class).list();
    }

    /** What a submission could change: outcome, complications, events, audit entries, the visit and its link. */
    record Stored(int outcomes, int adverseEvents, long events, int auditEntries, String visitState, int answeredLinks) {
    }

    private Stored stored() {
        return new Stored(count("follow_up_outcome"), count("observed_adverse_event"),
                // the outbox's sequence, not its rows: the relay deletes old published rows while tests run
                jdbc.sql("SELECT last_value FROM outbox_event_seq_seq").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ?").param(patientId)
                        .query(Integer.class).single(),
                visitState(),
                jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ? AND answered_at IS NOT NULL")
                        .param(visitId).query(Integer.class).single());
    }

    /** Runs the calls on their own threads, released together. */
    private static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = calls.stream().map(call -> threads.submit(() -> {
                start.await();
                return call.call();
            })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            threads.shutdown();
        }
    }
}
