package org.clinictracker.procedures.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.clinictracker.events.Topics;
import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Treatment numbers stay true whatever order, and however at once, the cases are logged. */
@ClinicServiceTest
class TreatmentChainTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    ClinicPatients patients;

    @Test
    void procedures_recorded_at_once_for_one_patient_never_share_a_treatment_number() throws Exception {
        UUID patientId = patients.registered();
        int cases = 6;
        List<Callable<MvcResult>> recordings = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Map<String, Object> body = cryo(patientId, 10 + 100 * i);
            recordings.add(() -> record(body));
        }

        List<MvcResult> results = allAtOnce(recordings);

        assertThat(results).allSatisfy(result -> assertThat(result.getResponse().getStatus()).isEqualTo(201));
        List<JsonNode> chain = current(patientId);
        assertThat(chain).extracting(p -> p.get("treatmentNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        for (int i = 1; i < cases; i++) {
            assertThat(chain.get(i).get("previousProcedureId").asString()).isEqualTo(chain.get(i - 1).get("id").asString());
        }
    }

    @Test
    void the_same_case_sent_twice_at_once_is_stored_once() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = cryo(patientId, 3);
        List<Callable<MvcResult>> recordings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            recordings.add(() -> record(body));
        }

        List<MvcResult> results = allAtOnce(recordings);

        assertThat(results).extracting(result -> result.getResponse().getStatus()).containsExactlyInAnyOrder(201, 409,
                409, 409);
        assertThat(current(patientId)).hasSize(1);
    }

    @Test
    void a_late_entry_between_two_treatments_renumbers_the_later_one_in_a_new_version_with_a_system_reason()
            throws Exception {
        UUID patientId = patients.registered();
        String first = id(record(cryo(patientId, 400)));
        String later = id(record(cryo(patientId, 100)));
        assertThat(procedure(later).get("treatmentNumber").asInt()).isEqualTo(2);

        String lateEntry = id(record(cryo(patientId, 150)));

        JsonNode entry = procedure(lateEntry);
        assertThat(entry.get("treatmentNumber").asInt()).isEqualTo(2);
        assertThat(entry.get("previousProcedureId").asString()).isEqualTo(first);
        mvc.perform(get("/api/procedures/{id}", later).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.treatmentNumber").value(3))
                .andExpect(jsonPath("$.previousProcedureId").value(lateEntry))
                .andExpect(jsonPath("$.daysSincePrevious").value(50))
                .andExpect(jsonPath("$.earlyRepeat").value(true))
                .andExpect(jsonPath("$.amendedBy").value("system"))
                .andExpect(jsonPath("$.performedBy").value("proceduralist1"));
        mvc.perform(get("/api/procedures/{id}/history", later).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].record.treatmentNumber").value(2))
                .andExpect(jsonPath("$[0].record.earlyRepeat").value(false))
                .andExpect(jsonPath("$[1].record.treatmentNumber").value(3))
                .andExpect(jsonPath("$[1].author").value("system"))
                .andExpect(jsonPath("$[1].amendmentReason").value(org.hamcrest.Matchers.containsString(lateEntry)));
        assertThat(procedure(first).get("version").asInt()).as("the first is untouched").isZero();
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String event = topic.awaitRecord(patientId,
                    e -> e.contains("\"ProcedureAmended\"") && e.contains(later), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PROCEDURES, "ProcedureAmended", event);
            JsonNode data = json.readTree(event).get("data");
            assertThat(data.get("treatmentNumber").asInt()).isEqualTo(3);
            assertThat(data.get("previousProcedureId").asString()).isEqualTo(lateEntry);
            assertThat(data.get("earlyRepeat").asBoolean()).isTrue();
            assertThat(data.get("version").asInt()).isEqualTo(1);
            assertThat(topic.allRecordsFor(patientId))
                    .filteredOn(e -> e.contains("\"ProcedureAmended\""))
                    .as("only the record whose place changed is amended").hasSize(1);
        }
    }

    @Test
    void a_late_block_on_the_same_nerve_makes_a_later_cryoneurolysis_early_without_renumbering_it() throws Exception {
        UUID patientId = patients.registered();
        String cryoneurolysis = id(record(cryo(patientId, 100)));

        record(diagnosticBlock(patientId, 120));

        mvc.perform(get("/api/procedures/{id}", cryoneurolysis).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.treatmentNumber").value(1))
                .andExpect(jsonPath("$.previousProcedureId").doesNotExist())
                .andExpect(jsonPath("$.earlyRepeat").value(true));
    }

    @Test
    void an_amendment_that_moves_a_date_renumbers_the_chain_around_it() throws Exception {
        UUID patientId = patients.registered();
        String first = id(record(cryo(patientId, 400)));
        String second = id(record(cryo(patientId, 200)));
        Map<String, Object> thirdBody = cryo(patientId, 100);
        String third = id(record(thirdBody));

        mvc.perform(put("/api/procedures/{id}", third).with(ClinicJwt.proceduralist()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(with(with(thirdBody, "performedAt",
                                cryo(patientId, 500).get("performedAt")), "amendmentReason",
                                "Date taken from the wrong visit"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.treatmentNumber").value(1));

        List<JsonNode> chain = current(patientId);
        assertThat(chain).extracting(p -> p.get("id").asString()).containsExactly(third, first, second);
        assertThat(chain).extracting(p -> p.get("treatmentNumber").asInt()).containsExactly(1, 2, 3);
        assertThat(chain).extracting(p -> p.get("version").asInt()).containsExactly(1, 1, 1);
        mvc.perform(get("/api/procedures/{id}/history", first).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$[1].author").value("system"))
                .andExpect(jsonPath("$[1].amendmentReason").value(org.hamcrest.Matchers.containsString(third)));
    }

    @Test
    void an_amendment_that_moves_the_targets_to_the_other_knee_unlinks_the_repeat_that_followed_it() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> firstBody = cryo(patientId, 300);
        String first = id(record(firstBody));
        String repeat = id(record(cryo(patientId, 100)));
        assertThat(procedure(repeat).get("previousProcedureId").asString()).isEqualTo(first);

        mvc.perform(put("/api/procedures/{id}", first).with(ClinicJwt.proceduralist()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(with(with(firstBody, "targets",
                                List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "LEFT"))),
                                "amendmentReason", "It was the left knee"))))
                .andExpect(status().isOk());

        mvc.perform(get("/api/procedures/{id}", repeat).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.treatmentNumber").value(1))
                .andExpect(jsonPath("$.previousProcedureId").doesNotExist())
                .andExpect(jsonPath("$.amendedBy").value("system"));
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String event = topic.awaitRecord(patientId,
                    e -> e.contains("\"ProcedureAmended\"") && e.contains("\"procedureId\":\"" + repeat + "\""),
                    Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PROCEDURES, "ProcedureAmended", event);
            assertThat(json.readTree(event).get("data").get("treatmentNumber").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_procedure_that_changes_nobodys_place_leaves_the_others_untouched() throws Exception {
        UUID patientId = patients.registered();
        String knee = id(record(cryo(patientId, 200)));

        record(with(cryo(patientId, 10), "targets",
                List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "LEFT"))));

        assertThat(procedure(knee).get("version").asInt()).isZero();
    }

    /** One clock for the whole test, so days between cases are exact whenever each is sent. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Map<String, Object> cryo(UUID patientId, int daysAgo) {
        return with(kneeCryoneurolysis(patientId, 0), "performedAt", now.minus(daysAgo, ChronoUnit.DAYS).toString());
    }

    private Map<String, Object> diagnosticBlock(UUID patientId, int daysAgo) {
        Map<String, Object> body = with(cryo(patientId, daysAgo), "modality", "NERVE_BLOCK");
        body.remove("cryo");
        body.put("targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT")));
        body.put("block", Map.of("purpose", "DIAGNOSTIC", "agent", "bupivacaine", "concentrationPercent", 0.5,
                "volumeMl", 2));
        return body;
    }

    private List<MvcResult> allAtOnce(List<Callable<MvcResult>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MvcResult>> futures = new ArrayList<>();
            for (Callable<MvcResult> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private MvcResult record(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }

    private String id(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private JsonNode procedure(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.coordinator()))
                .andReturn().getResponse().getContentAsString());
    }

    /** The patient's procedures as they stand, oldest first. */
    private List<JsonNode> current(UUID patientId) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/procedures").param("patientId", patientId.toString())
                        .param("size", "50").with(ClinicJwt.coordinator()))
                .andReturn().getResponse().getContentAsString());
        List<JsonNode> items = new ArrayList<>();
        page.get("content").forEach(items::add);
        Collections.reverse(items);
        return items;
    }
}
