package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** Two coordinators documenting at the same moment: one outcome per visit, one candidate per plan. */
@ClinicServiceTest
class SimultaneousOutcomeTests {

    static final LocalDate PERFORMED = LocalDate.of(2026, 7, 1);

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

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_same_visit_documented_twice_at_once_keeps_one_outcome() throws Exception {
        clock.set(PERFORMED);
        UUID planId = plans.start(Plans.kneeCryo(plans.patient("Ito, Haruki", 8), PERFORMED));
        clock.set(PERFORMED.plusDays(14));
        UUID week2 = plans.visit(planId, "WEEK_2");

        List<Integer> answers = atOnce(List.of(() -> post(week2, Map.of("painScore", 2)),
                () -> post(week2, Map.of("painScore", 6))));

        assertThat(answers).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_outcome WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void two_waning_visits_of_one_plan_documented_at_once_make_one_candidate() throws Exception {
        clock.set(PERFORMED);
        UUID planId = plans.start(Plans.kneeCryo(plans.patient("Ito, Yuki", 8), PERFORMED));
        clock.set(PERFORMED.plusDays(14));
        post(plans.visit(planId, "WEEK_2"), Map.of("painScore", 1));
        UUID week6 = plans.visit(planId, "WEEK_6");
        UUID month3 = plans.visit(planId, "MONTH_3");
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED' WHERE id IN (?, ?)").param(week6).param(month3).update();
        clock.set(PERFORMED.plusDays(100));

        List<Integer> answers = atOnce(List.of(
                () -> post(week6, Map.of("painScore", 5, "assessedOn", PERFORMED.plusDays(42).toString())),
                () -> post(month3, Map.of("painScore", 6, "assessedOn", PERFORMED.plusDays(90).toString()))));

        assertThat(answers).containsExactly(201, 201);
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_outcome WHERE plan_id = ? AND waning_relief")
                .param(planId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT visit_id FROM repeat_candidate WHERE plan_id = ?").param(planId)
                .query(UUID.class).list()).singleElement().isIn(week6, month3); // whichever committed first
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'RepeatTreatmentRecommended' AND payload::text LIKE ?")
                .param("%" + planId + "%").query(Integer.class).single()).isEqualTo(1);
    }

    private int post(UUID visitId, Map<String, Object> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse().getStatus();
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
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            threads.shutdown();
        }
    }
}
