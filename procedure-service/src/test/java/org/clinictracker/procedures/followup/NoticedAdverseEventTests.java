package org.clinictracker.procedures.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.followups.AdverseEventObserved;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complications noticed at follow-up visits reach the procedure's record: followup-service's
 * {@code AdverseEventObserved}, written as its outbox writes it and checked against the published schema, is
 * published on the real topic of the embedded broker and read back through the API and the
 * {@code AdverseEventReported} it causes.
 */
@ClinicServiceTest
class NoticedAdverseEventTests {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

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

    private KafkaProducer<String, String> producer;
    private UUID patientId;
    private UUID procedureId;

    @BeforeEach
    void aPatientTreatedTenDaysAgo() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        patientId = patients.registered();
        procedureId = recordProcedure(patientId);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void a_serious_complication_noticed_at_a_visit_joins_the_record_stands_out_and_is_announced() throws Exception {
        UUID visitId = UUID.randomUUID();
        AdverseEventObserved weakness = new AdverseEventObserved(UUID.randomUUID(), visitId, procedureId, patientId,
                "MOTOR_WEAKNESS", null, "SEVERE", true, LocalDate.now().minusDays(3), "ONGOING", null);

        publish(patientId, envelope(UUID.randomUUID(), weakness));

        await().until(() -> adverseEventsOf(procedureId) == 1);
        mvc.perform(get("/api/procedures/{id}", procedureId).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasSeriousAdverseEvent").value(true))
                .andExpect(jsonPath("$.adverseEvents[0].type").value("MOTOR_WEAKNESS"))
                .andExpect(jsonPath("$.adverseEvents[0].severity").value("SEVERE"))
                .andExpect(jsonPath("$.adverseEvents[0].serious").value(true))
                .andExpect(jsonPath("$.adverseEvents[0].onsetOn").value(weakness.onsetOn().toString()))
                .andExpect(jsonPath("$.adverseEvents[0].source").value("FOLLOW_UP"))
                .andExpect(jsonPath("$.adverseEvents[0].visitId").value(visitId.toString()))
                .andExpect(jsonPath("$.adverseEvents[0].observationId").value(weakness.observationId().toString()))
                .andExpect(jsonPath("$.adverseEvents[0].reportedBy").value("system"));
        mvc.perform(get("/api/procedures").param("patientId", patientId.toString()).param("seriousAdverseEvent", "true")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", hasItem(procedureId.toString())));

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String reported = topic.awaitRecord(patientId, e -> e.contains("\"AdverseEventReported\""), AT_MOST);
            EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventReported", reported);
            JsonNode data = json.readTree(reported).get("data");
            assertThat(data.get("procedureId").asString()).isEqualTo(procedureId.toString());
            assertThat(data.get("type").asString()).isEqualTo("MOTOR_WEAKNESS");
            assertThat(data.get("serious").asBoolean()).isTrue();
            assertThat(data.get("source").asString()).isEqualTo("FOLLOW_UP");
            assertThat(data.get("observationId").asString()).isEqualTo(weakness.observationId().toString());
        }

        // the record's audit says the service itself attached it, not a user
        mvc.perform(get("/api/procedures/audit").param("patientId", patientId.toString()).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.action == 'ADVERSE_EVENT_REPORTED')].actor", hasItem("system")))
                .andExpect(jsonPath("$.content[?(@.action == 'ADVERSE_EVENT_REPORTED')].role", hasItem("service")));
    }

    @Test
    void a_proceduralist_follows_a_noticed_complication_to_resolution_and_it_keeps_its_origin() throws Exception {
        UUID visitId = UUID.randomUUID();
        AdverseEventObserved numbness = new AdverseEventObserved(UUID.randomUUID(), visitId, procedureId, patientId,
                "PROLONGED_NUMBNESS", null, "MILD", false, LocalDate.now().minusDays(8), "ONGOING", null);
        publish(patientId, envelope(UUID.randomUUID(), numbness));
        await().until(() -> adverseEventsOf(procedureId) == 1);
        String aeId = jdbc.sql("SELECT id::text FROM adverse_event WHERE procedure_id = ?").param(procedureId)
                .query(String.class).single();

        Map<String, Object> resolved = new LinkedHashMap<>(Map.of("type", "PROLONGED_NUMBNESS", "severity", "MILD",
                "serious", false, "onsetOn", numbness.onsetOn().toString(), "outcome", "RESOLVED",
                "resolvedOn", LocalDate.now().toString()));
        mvc.perform(put("/api/procedures/{id}/adverse-events/{ae}", procedureId, aeId).header("If-Match", "\"0\"")
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(resolved)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RESOLVED"))
                .andExpect(jsonPath("$.source").value("FOLLOW_UP"))
                .andExpect(jsonPath("$.visitId").value(visitId.toString()))
                .andExpect(jsonPath("$.reportedBy").value("system"))
                .andExpect(jsonPath("$.updatedBy").value("proceduralist1"));
        mvc.perform(get("/api/procedures/{id}/adverse-events/{ae}/history", procedureId, aeId)
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$[*].source").value(org.hamcrest.Matchers.contains("FOLLOW_UP", "FOLLOW_UP")));
    }

    @Test
    void a_complication_reported_by_the_proceduralist_says_so() throws Exception {
        Map<String, Object> bruising = Map.of("type", "BRUISING", "severity", "MILD", "serious", false,
                "onsetOn", LocalDate.now().minusDays(9).toString(), "outcome", "ONGOING");
        mvc.perform(post("/api/procedures/{id}/adverse-events", procedureId).with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bruising)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("PROCEDURALIST"))
                .andExpect(jsonPath("$.visitId").doesNotExist())
                .andExpect(jsonPath("$.observationId").doesNotExist());
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String reported = topic.awaitRecord(patientId, e -> e.contains("\"AdverseEventReported\""), AT_MOST);
            EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventReported", reported);
            assertThat(json.readTree(reported).get("data").get("source").asString()).isEqualTo("PROCEDURALIST");
        }
    }

    @Test
    void an_observation_delivered_twice_is_attached_once() throws Exception {
        AdverseEventObserved bruising = bruising(UUID.randomUUID());
        UUID eventId = UUID.randomUUID();
        String value = envelope(eventId, bruising);

        publish(patientId, value);
        publish(patientId, value);
        UUID laterObservation = UUID.randomUUID();
        publish(patientId, envelope(UUID.randomUUID(), bruising(laterObservation)));

        assertAnnouncedOnceBeforeTheLaterOne(bruising.observationId(), laterObservation);
        assertThat(adverseEventsOf(procedureId)).isEqualTo(2);
        assertThat(timesProcessed(eventId)).isEqualTo(1);
    }

    @Test
    void the_same_observation_published_again_under_another_event_id_is_attached_once() throws Exception {
        AdverseEventObserved bruising = bruising(UUID.randomUUID());
        UUID firstId = UUID.randomUUID();
        UUID againId = UUID.randomUUID();

        publish(patientId, envelope(firstId, bruising));
        publish(patientId, envelope(againId, bruising));
        UUID laterObservation = UUID.randomUUID();
        publish(patientId, envelope(UUID.randomUUID(), bruising(laterObservation)));

        assertAnnouncedOnceBeforeTheLaterOne(bruising.observationId(), laterObservation);
        assertThat(adverseEventsOf(procedureId)).isEqualTo(2);
        assertThat(timesProcessed(firstId)).isEqualTo(1);
        assertThat(timesProcessed(againId)).as("claimed, and changed nothing").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM adverse_event WHERE observation_id = ?")
                .param(bruising.observationId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_topics_other_events_are_claimed_and_skipped() {
        UUID eventId = UUID.randomUUID();
        publish(patientId, """
                {"id":"%s","type":"FollowUpPlanCreated","occurredAt":"%s","subject":"%s","data":{"patientId":"%s",
                "planId":"%s","procedureId":"%s"}}""".formatted(eventId, Instant.now(), patientId, patientId,
                UUID.randomUUID(), procedureId));

        await().until(() -> timesProcessed(eventId) == 1);
        assertThat(adverseEventsOf(procedureId)).isZero();
    }

    @Test
    void observations_the_record_cannot_take_are_parked_and_the_next_one_is_still_attached() throws Exception {
        UUID otherPatient = patients.registered();
        UUID othersProcedure = recordProcedure(otherPatient);
        // unknown here: waiting cannot mend it, procedures are never deleted
        String unknownProcedure = envelope(UUID.randomUUID(), new AdverseEventObserved(UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), patientId, "BRUISING", null, "MILD", false,
                LocalDate.now().minusDays(2), "ONGOING", null));
        // this patient's observation on another patient's procedure
        String anotherPatientsProcedure = envelope(UUID.randomUUID(), new AdverseEventObserved(UUID.randomUUID(),
                UUID.randomUUID(), othersProcedure, patientId, "BRUISING", null, "MILD", false,
                LocalDate.now().minusDays(2), "ONGOING", null));
        // a course the record refuses from a clinician too: onset a month before the procedure
        String beforeTheProcedure = envelope(UUID.randomUUID(), new AdverseEventObserved(UUID.randomUUID(),
                UUID.randomUUID(), procedureId, patientId, "BRUISING", null, "MILD", false,
                LocalDate.now().minusDays(40), "ONGOING", null));
        String resolvedButOngoing = envelope(UUID.randomUUID(), new AdverseEventObserved(UUID.randomUUID(),
                UUID.randomUUID(), procedureId, patientId, "BRUISING", null, "MILD", false,
                LocalDate.now().minusDays(2), "ONGOING", LocalDate.now()));
        String otherWithoutDescription = envelope(UUID.randomUUID(), new AdverseEventObserved(UUID.randomUUID(),
                UUID.randomUUID(), procedureId, patientId, "OTHER", null, "MILD", false,
                LocalDate.now().minusDays(2), "ONGOING", null));
        String inTheFuture = envelope(UUID.randomUUID(), new AdverseEventObserved(UUID.randomUUID(),
                UUID.randomUUID(), procedureId, patientId, "BRUISING", null, "MILD", false,
                LocalDate.now().plusDays(5), "ONGOING", null));
        // not a code of the vocabulary (fails the schema as well)
        String unknownCode = envelope(UUID.randomUUID(), bruising(UUID.randomUUID())).replace("\"BRUISING\"",
                "\"HEADACHE\"");
        String notJson = "AdverseEventObserved, but not as JSON {";
        UUID goodObservation = UUID.randomUUID();

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS + ".DLT")) {
            for (String poison : new String[] { unknownProcedure, anotherPatientsProcedure, beforeTheProcedure,
                    resolvedButOngoing, otherWithoutDescription, inTheFuture, unknownCode, notJson }) {
                publish(patientId, poison);
            }
            publish(patientId, envelope(UUID.randomUUID(), bruising(goodObservation)));

            await().until(() -> observationAttached(goodObservation));
            assertThat(adverseEventsOf(procedureId)).as("only the good one").isEqualTo(1);
            assertThat(adverseEventsOf(othersProcedure)).isZero();
            for (String poison : new String[] { unknownProcedure, anotherPatientsProcedure, beforeTheProcedure,
                    resolvedButOngoing, otherWithoutDescription, inTheFuture, unknownCode, notJson }) {
                ConsumerRecord<String, String> parked = deadLetters.awaitConsumerRecord(patientId, poison::equals,
                        AT_MOST);
                Map<String, String> headers = new HashMap<>();
                parked.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                assertThat(headers).containsEntry(KafkaHeaders.DLT_EXCEPTION_FQCN, MalformedEvent.class.getName())
                        .doesNotContainKey(KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
            }
            assertThat(deadLetters.allRecordsFor(patientId)).as("each parked once, not retried").hasSize(8);
        }
    }

    private void assertAnnouncedOnceBeforeTheLaterOne(UUID observationId, UUID laterObservation) {
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            // the outbox relays in commit order: once the later one is out, a duplicate would be too
            topic.awaitRecord(patientId, e -> e.contains(laterObservation.toString()), AT_MOST);
            assertThat(topic.allRecordsFor(patientId)).filteredOn(e -> e.contains("\"AdverseEventReported\""))
                    .filteredOn(e -> e.contains(observationId.toString())).hasSize(1);
        }
    }

    private AdverseEventObserved bruising(UUID observationId) {
        return new AdverseEventObserved(observationId, UUID.randomUUID(), procedureId, patientId, "BRUISING", null,
                "MILD", false, LocalDate.now().minusDays(9), "RESOLVED", LocalDate.now().minusDays(4));
    }

    private UUID recordProcedure(UUID patient) throws Exception {
        String created = mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(kneeCryoneurolysis(patient, 10))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(created).get("id").asString());
    }

    /** The event as followup-service's outbox writes it, checked against the published schema. */
    private String envelope(UUID eventId, AdverseEventObserved observed) {
        String value = json.writeValueAsString(new EventEnvelope<>(eventId, "AdverseEventObserved", Instant.now(),
                observed.patientId(), observed));
        EventSchemas.assertConforms(Topics.FOLLOWUPS, "AdverseEventObserved", value);
        return value;
    }

    /** Publishes {@code value} as it stands, keyed by the patient like followup-service does. */
    private void publish(UUID key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.FOLLOWUPS, key.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + Topics.FOLLOWUPS, e);
        }
    }

    private int adverseEventsOf(UUID procedure) {
        return jdbc.sql("SELECT count(*) FROM adverse_event WHERE procedure_id = ?").param(procedure)
                .query(Integer.class).single();
    }

    private boolean observationAttached(UUID observationId) {
        return jdbc.sql("SELECT count(*) FROM adverse_event WHERE observation_id = ?").param(observationId)
                .query(Integer.class).single() == 1;
    }

    private int timesProcessed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single();
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50));
    }
}
