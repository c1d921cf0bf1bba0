package org.clinictracker.procedures.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.clinictracker.events.Topics;
import org.clinictracker.platform.idempotency.IdempotentRequests;
import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** A case sent again with the same Idempotency-Key (a lost answer, a retrying client) is logged once. */
@ClinicServiceTest
class RetriedRecordingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    ClinicPatients patients;

    @Autowired
    IdempotentRequests idempotentRequests;

    @Test
    void a_recording_retried_with_the_same_key_gets_the_first_answer_and_logs_one_case() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = kneeCryoneurolysis(patientId, 1);
        String key = UUID.randomUUID().toString();

        MvcResult first = record(ClinicJwt.proceduralist(), key, body).andReturn();
        MvcResult retry = record(ClinicJwt.proceduralist(), key, body).andReturn();

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"))
                .isNotNull();
        assertThat(retry.getResponse().getHeader("ETag")).isEqualTo(first.getResponse().getHeader("ETag"));
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(proceduresOf(patientId)).isEqualTo(1);
        String id = json.readTree(first.getResponse().getContentAsString()).get("id").asString();
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            topic.awaitRecord(patientId, e -> e.contains(id), Duration.ofSeconds(30));
            assertThat(topic.allRecordsFor(patientId)).filteredOn(e -> e.contains("\"ProcedureRecorded\"")).hasSize(1);
        }
    }

    @Test
    void retries_sent_at_once_with_one_key_log_one_case_and_all_get_its_answer() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = kneeCryoneurolysis(patientId, 2);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<MvcResult> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MvcResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return record(ClinicJwt.proceduralist(), key, body).andReturn();
                }));
            }
            start.countDown();
            for (Future<MvcResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).extracting(result -> result.getResponse().getStatus()).containsOnly(201);
        assertThat(results).extracting(result -> result.getResponse().getHeader("Location")).containsOnly(
                results.get(0).getResponse().getHeader("Location"));
        assertThat(proceduresOf(patientId)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_case_is_refused_and_stores_nothing() throws Exception {
        UUID patientId = patients.registered();
        String key = UUID.randomUUID().toString();
        record(ClinicJwt.proceduralist(), key, kneeCryoneurolysis(patientId, 1)).andExpect(status().isCreated());

        record(ClinicJwt.proceduralist(), key, kneeCryoneurolysis(patientId, 30))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"));

        assertThat(proceduresOf(patientId)).isEqualTo(1);
    }

    @Test
    void another_users_key_never_returns_someone_elses_answer() throws Exception {
        UUID patientId = patients.registered();
        String key = UUID.randomUUID().toString();
        String mine = id(record(ClinicJwt.proceduralist(), key, kneeCryoneurolysis(patientId, 1))
                .andExpect(status().isCreated()));

        String theirs = id(record(ClinicJwt.as("proceduralist2", "proceduralist"), key, kneeCryoneurolysis(patientId, 40))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.performedBy").value("proceduralist2")));

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(proceduresOf(patientId)).isEqualTo(2);
    }

    @Test
    void a_refused_case_keeps_nothing_so_the_confirmed_one_may_use_the_same_key() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = kneeCryoneurolysis(patientId, 3);
        String existing = id(record(ClinicJwt.proceduralist(), UUID.randomUUID().toString(), body)
                .andExpect(status().isCreated()));
        String key = UUID.randomUUID().toString();

        record(ClinicJwt.proceduralist(), key, body).andExpect(status().isConflict());
        record(ClinicJwt.proceduralist(), key, with(body, "notDuplicateOf", List.of(existing)))
                .andExpect(status().isCreated());

        assertThat(proceduresOf(patientId)).isEqualTo(2);
    }

    @Test
    void a_key_older_than_the_retention_is_forgotten() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = kneeCryoneurolysis(patientId, 4);
        String key = UUID.randomUUID().toString();
        record(ClinicJwt.proceduralist(), key, body).andExpect(status().isCreated());
        jdbc.sql("UPDATE idempotent_request SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?")
                .param(key).update();

        assertThat(idempotentRequests.purge()).isPositive();

        // Not replayed: handled as a new request, which the same-case check then catches.
        record(ClinicJwt.proceduralist(), key, body).andExpect(status().isConflict());
        assertThat(proceduresOf(patientId)).isEqualTo(1);
    }

    private ResultActions record(ClinicToken user, String key, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(user).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private long proceduresOf(UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM procedure WHERE patient_id = ?").param(patientId).query(Long.class).single();
    }
}
