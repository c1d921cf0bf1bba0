package org.clinictracker.followups.missed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clinictracker.events.Topics;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The missed-visit job on the real database and Kafka, with the clinic's day set by the test clock. The job
 * looks at every open visit, so these tests live in 2011, before any day other tests plan in, and check only
 * their own visits and patients. A knee cryoneurolysis planned on its day: DAY_2 (window days 1..3), WEEK_2
 * (11..17), WEEK_6 (39..45), MONTH_3 (76..104) ...
 */
@ClinicServiceTest
class MissedVisitTests {

    static final LocalDate PERFORMED = LocalDate.of(2011, 1, 10);

    @Autowired
    MissedVisits job;

    @Autowired
    Plans plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    /** The context's own broker: the spring.kafka.bootstrap-servers system property is rewritten by KafkaOutageTests' broker. */
    @Autowired
    EmbeddedKafkaBroker kafka;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_visit_is_on_time_up_to_its_last_day_and_missed_the_day_after() {
        UUID planId = planOnTheDay("Silva, Maria");
        UUID day2 = plans.visit(planId, "DAY_2");
        LocalDate lastDay = PERFORMED.plusDays(3);

        runOn(lastDay.minusDays(1));
        assertThat(visit(day2)).containsEntry("state", "OPEN");
        runOn(lastDay);
        assertThat(visit(day2)).containsEntry("state", "OPEN").containsEntry("missed_on", null);
        runOn(lastDay.plusDays(1));
        assertThat(visit(day2)).containsEntry("state", "MISSED")
                .containsEntry("missed_on", java.sql.Date.valueOf(lastDay.plusDays(1)))
                .containsEntry("version", 1);
        assertThat(visit(plans.visit(planId, "WEEK_2"))).containsEntry("state", "OPEN");
    }

    @Test
    void a_late_entry_is_missed_only_after_its_grace() {
        LocalDate entered = PERFORMED.plusDays(200);
        clock.set(entered);
        UUID patientId = plans.patient("Novak, Jan", 7);
        UUID planId = plans.start(Plans.kneeCryo(patientId, PERFORMED));
        UUID month3 = plans.visit(planId, "MONTH_3"); // its window closed on day 104, long before the entry

        runOn(entered.plusDays(14));
        assertThat(visit(month3)).containsEntry("state", "OPEN");
        runOn(entered.plusDays(15));
        assertThat(visit(month3)).containsEntry("state", "MISSED");
        assertThat(visit(plans.visit(planId, "MONTH_9"))).containsEntry("state", "OPEN"); // window 256..284: ahead
    }

    @Test
    void misses_in_a_row_are_announced_and_the_second_marks_the_patient_lost_to_follow_up() throws Exception {
        UUID planId = planOnTheDay("Okafor, Ada");
        UUID patientId = patientOf(planId);
        UUID day2 = plans.visit(planId, "DAY_2");
        UUID week2 = plans.visit(planId, "WEEK_2");

        runOn(PERFORMED.plusDays(4));
        assertThat(standing(patientId)).containsEntry("consecutive_misses", 1).containsEntry("lost_to_follow_up_since", null);
        LocalDate secondMiss = PERFORMED.plusDays(18);
        runOn(secondMiss);
        assertThat(standing(patientId)).containsEntry("consecutive_misses", 2)
                .containsEntry("lost_to_follow_up_since", java.sql.Date.valueOf(secondMiss));

        try (TopicProbe probe = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            String first = probe.awaitRecord(patientId, value -> value.contains(day2.toString()) && value.contains("FollowUpMissed"),
                    Duration.ofSeconds(30));
            String second = probe.awaitRecord(patientId, value -> value.contains(week2.toString()) && value.contains("FollowUpMissed"),
                    Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "FollowUpMissed", first);
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "FollowUpMissed", second);
            JsonNode firstData = json.readTree(first).get("data");
            assertThat(firstData.get("planId").asString()).isEqualTo(planId.toString());
            assertThat(firstData.get("label").asString()).isEqualTo("DAY_2");
            assertThat(firstData.get("dueOn").asString()).isEqualTo(PERFORMED.plusDays(2).toString());
            assertThat(firstData.get("windowEnd").asString()).isEqualTo(PERFORMED.plusDays(3).toString());
            assertThat(firstData.get("consecutiveMisses").asInt()).isEqualTo(1);
            assertThat(firstData.get("lostToFollowUp").asBoolean()).isFalse();
            JsonNode secondData = json.readTree(second).get("data");
            assertThat(secondData.get("consecutiveMisses").asInt()).isEqualTo(2);
            assertThat(secondData.get("lostToFollowUp").asBoolean()).isTrue();
        }

        assertThat(audit(patientId)).containsExactlyInAnyOrder(
                "system FOLLOW_UP_VISIT_MISSED follow-up visit " + day2,
                "system FOLLOW_UP_VISIT_MISSED follow-up visit " + week2,
                "system PATIENT_LOST_TO_FOLLOW_UP follow-up standing");

        clock.set(secondMiss);
        mvc.perform(get("/api/followups").param("patientId", patientId.toString()).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].status").value("MISSED"))
                .andExpect(jsonPath("$.content[0].patientLostToFollowUp").value(true))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_6')].patientLostToFollowUp").value(true));
        mvc.perform(get("/api/followups").param("patientId", patientId.toString()).param("view", "MISSED")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void misses_noticed_in_one_run_count_in_the_order_the_visits_were_due_and_a_rerun_adds_nothing() {
        UUID planId = planOnTheDay("Haddad, Lina");
        UUID patientId = patientOf(planId);
        LocalDate day = PERFORMED.plusDays(46); // DAY_2, WEEK_2 and WEEK_6 are all past

        runOn(day);
        runOn(day);

        List<Map<String, Object>> missed = jdbc.sql("""
                SELECT payload -> 'data' ->> 'label' AS label, (payload -> 'data' ->> 'consecutiveMisses')::int AS misses,
                       (payload -> 'data' ->> 'lostToFollowUp')::boolean AS lost
                FROM outbox_event WHERE event_type = 'FollowUpMissed' AND message_key = ? ORDER BY misses""")
                .param(patientId.toString()).query().listOfRows();
        assertThat(missed).extracting(row -> row.get("label") + " " + row.get("misses") + " " + row.get("lost"))
                .containsExactly("DAY_2 1 false", "WEEK_2 2 true", "WEEK_6 3 true");
        assertThat(standing(patientId)).containsEntry("consecutive_misses", 3)
                .containsEntry("lost_to_follow_up_since", java.sql.Date.valueOf(day));
    }

    @Test
    void two_instances_running_at_once_mark_and_announce_each_visit_once() throws Exception {
        List<UUID> patients = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            patients.add(patientOf(planOnTheDay("Concurrent, Patient " + i)));
        }
        clock.set(PERFORMED.plusDays(46));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> run = () -> {
            together.await();
            return job.markMissed();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(run);
            Future<Integer> second = pool.submit(run);
            first.get();
            second.get();
        } finally {
            pool.shutdownNow();
        }

        for (UUID patientId : patients) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM outbox_event WHERE event_type = 'FollowUpMissed' AND message_key = ?""")
                    .param(patientId.toString()).query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("""
                    SELECT count(DISTINCT payload -> 'data' ->> 'visitId') FROM outbox_event
                    WHERE event_type = 'FollowUpMissed' AND message_key = ?""")
                    .param(patientId.toString()).query(Integer.class).single()).isEqualTo(3);
            assertThat(standing(patientId)).containsEntry("consecutive_misses", 3);
        }
    }

    @Test
    void an_outcome_shows_the_patient_is_followed_again() throws Exception {
        UUID planId = planOnTheDay("Moreau, Luc");
        UUID patientId = patientOf(planId);
        runOn(PERFORMED.plusDays(18));
        assertThat(standing(patientId)).containsEntry("consecutive_misses", 2);
        UUID week6 = plans.visit(planId, "WEEK_6");
        UUID procedureId = jdbc.sql("SELECT procedure_id FROM follow_up_plan WHERE id = ?").param(planId)
                .query(UUID.class).single();

        // as h4's outcome recording publishes it, inside the transaction that stored the outcome
        transaction.executeWithoutResult(status -> events.publishEvent(
                new OutcomeRecorded(week6, planId, patientId, procedureId, PERFORMED.plusDays(42))));

        assertThat(standing(patientId)).containsEntry("consecutive_misses", 0).containsEntry("lost_to_follow_up_since", null);
        assertThat(audit(patientId)).contains("system PATIENT_FOLLOWED_AGAIN follow-up standing");
        clock.set(PERFORMED.plusDays(42));
        mvc.perform(get("/api/followups").param("patientId", patientId.toString()).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLostToFollowUp").value(false));

        runOn(PERFORMED.plusDays(46)); // WEEK_6 still without an outcome in this test: the count starts again
        assertThat(standing(patientId)).containsEntry("consecutive_misses", 1).containsEntry("lost_to_follow_up_since", null);
    }

    @Test
    void a_missed_visit_documented_late_brings_a_lost_patient_back() throws Exception {
        UUID planId = planOnTheDay("Kowalski, Piotr");
        UUID patientId = patientOf(planId);
        LocalDate day = PERFORMED.plusDays(18);
        runOn(day);
        assertThat(standing(patientId)).containsEntry("lost_to_follow_up_since", java.sql.Date.valueOf(day));

        mvc.perform(post("/api/followups/{id}/outcome", plans.visit(planId, "WEEK_2"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"painScore\": 3, \"reliefPercent\": 60}")
                        .with(ClinicJwt.as("coord5", "coordinator")))
                .andExpect(status().isCreated());

        assertThat(standing(patientId)).containsEntry("consecutive_misses", 0).containsEntry("lost_to_follow_up_since", null);
        assertThat(audit(patientId)).contains("coord5 PATIENT_FOLLOWED_AGAIN follow-up standing");
        mvc.perform(get("/api/followups").param("patientId", patientId.toString()).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLostToFollowUp").value(false));
    }

    @Test
    void an_outcome_rolled_back_leaves_the_patient_lost() {
        UUID planId = planOnTheDay("Ito, Ken");
        UUID patientId = patientOf(planId);
        runOn(PERFORMED.plusDays(18));

        transaction.executeWithoutResult(status -> {
            events.publishEvent(new OutcomeRecorded(plans.visit(planId, "WEEK_6"), planId, patientId, UUID.randomUUID(),
                    PERFORMED.plusDays(42)));
            status.setRollbackOnly();
        });

        assertThat(standing(patientId)).containsEntry("consecutive_misses", 2);
        assertThat(audit(patientId)).noneMatch(entry -> entry.contains("PATIENT_FOLLOWED_AGAIN"));
    }

    private UUID planOnTheDay(String name) {
        clock.set(PERFORMED);
        UUID patientId = plans.patient(name, 7);
        return plans.start(Plans.kneeCryo(patientId, PERFORMED));
    }

    private UUID patientOf(UUID planId) {
        return jdbc.sql("SELECT patient_id FROM follow_up_plan WHERE id = ?").param(planId).query(UUID.class).single();
    }

    private void runOn(LocalDate day) {
        clock.set(day);
        job.markMissed();
    }

    private Map<String, Object> visit(UUID visitId) {
        return jdbc.sql("SELECT state, missed_on, version FROM follow_up_visit WHERE id = ?").param(visitId).query().singleRow();
    }

    private List<String> audit(UUID patientId) {
        return jdbc.sql("SELECT actor || ' ' || action || ' ' || resource FROM audit_entry WHERE patient_id = ?")
                .param(patientId).query(String.class).list();
    }

    private Map<String, Object> standing(UUID patientId) {
        return jdbc.sql("SELECT consecutive_misses, lost_to_follow_up_since FROM known_patient WHERE id = ?")
                .param(patientId).query().singleRow();
    }
}
