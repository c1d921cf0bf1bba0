package org.clinictracker.followups.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.procedures.ProcedureAmended;
import org.clinictracker.events.procedures.ProcedureEvent;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
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
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The story end to end, with procedure-service's events on the embedded broker: a knee treated, its relief
 * waning, one candidate; then the repeat recorded (or an amendment linking a procedure to it) closes the candidate,
 * and the repeat has its own plan.
 */
@ClinicServiceTest
class RepeatByProcedureEventsTests {

    static final LocalDate PERFORMED = LocalDate.of(2026, 2, 2);
    static final List<TreatedTarget> LEFT_KNEE = List.of(new TreatedTarget("SUPEROMEDIAL_GENICULAR", "LEFT", null));

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Plans plans;

    KafkaProducer<String, String> producer;
    UUID patientId;
    UUID firstKnee;
    UUID candidate;

    @BeforeEach
    void aKneeWhoseReliefIsWaning() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        patientId = plans.patient("Haddad, Rania", 8);
        clock.set(PERFORMED);
        firstKnee = UUID.randomUUID();
        awaitProcessed(publish(recorded(firstKnee, PERFORMED, Plans.KNEE, 1, null)));
        UUID planId = planOf(firstKnee);

        outcome(plans.visit(planId, "WEEK_2"), 14, Map.of("painScore", 2));
        outcome(plans.visit(planId, "WEEK_6"), 42, Map.of("painScore", 5, "sensationReturned", true));
        candidate = jdbc.sql("SELECT id FROM repeat_candidate WHERE plan_id = ?").param(planId).query(UUID.class).single();
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.reset();
    }

    @Test
    void the_recorded_repeat_closes_the_candidate_and_starts_a_new_plan() {
        clock.set(PERFORMED.plusDays(100));
        UUID repeat = UUID.randomUUID();

        try (TopicProbe followUps = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            awaitProcessed(publish(recorded(repeat, PERFORMED.plusDays(100), Plans.KNEE, 2, firstKnee)));

            assertThat(planOf(repeat)).isNotNull();
            assertThat(candidateStatus(candidate)).isEqualTo("REPEATED");
            String resolved = followUps.awaitRecord(patientId, e -> e.contains("\"REPEATED\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "RepeatTreatmentResolved", resolved);
            assertThat(resolved).contains(repeat.toString()).contains(candidate.toString());
        }
    }

    @Test
    void an_amendment_linking_a_procedure_to_the_treated_one_closes_its_candidate() {
        clock.set(PERFORMED.plusDays(100));
        UUID otherSide = UUID.randomUUID();
        awaitProcessed(publish(recorded(otherSide, PERFORMED.plusDays(100), LEFT_KNEE, 1, null)));
        assertThat(candidateStatus(candidate)).isEqualTo("OPEN"); // another side: not a repeat

        awaitProcessed(publish(new ProcedureAmended(otherSide, patientId, at(PERFORMED.plusDays(100)), "CRYONEUROLYSIS",
                "KNEE_OSTEOARTHRITIS", LEFT_KNEE, 7, 2, firstKnee, false, 1)));

        assertThat(candidateStatus(candidate)).isEqualTo("REPEATED");
        assertThat(jdbc.sql("SELECT repeat_procedure_id FROM repeat_candidate WHERE id = ?").param(candidate)
                .query(UUID.class).single()).isEqualTo(otherSide);
    }

    @Test
    void an_amendment_undoing_a_wrong_link_opens_the_candidate_again() {
        clock.set(PERFORMED.plusDays(100));
        UUID otherSide = UUID.randomUUID();
        awaitProcessed(publish(recorded(otherSide, PERFORMED.plusDays(100), LEFT_KNEE, 2, firstKnee)));
        assertThat(candidateStatus(candidate)).isEqualTo("REPEATED");

        try (TopicProbe followUps = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            awaitProcessed(publish(new ProcedureAmended(otherSide, patientId, at(PERFORMED.plusDays(100)),
                    "CRYONEUROLYSIS", "KNEE_OSTEOARTHRITIS", LEFT_KNEE, 7, 1, null, false, 1)));

            assertThat(candidateStatus(candidate)).isEqualTo("OPEN");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> followUps.allRecordsFor(patientId).stream()
                    .filter(e -> e.contains("\"RepeatTreatmentRecommended\"") && e.contains(candidate.toString()))
                    .count() == 2);
        }
    }

    private ProcedureRecorded recorded(UUID procedureId, LocalDate performedOn, List<TreatedTarget> targets,
            int treatmentNumber, UUID previousProcedureId) {
        return new ProcedureRecorded(procedureId, patientId, at(performedOn), "CRYONEUROLYSIS", "KNEE_OSTEOARTHRITIS",
                targets, 8, treatmentNumber, previousProcedureId, false, 0);
    }

    private void outcome(UUID visitId, int day, Map<String, Object> body) throws Exception {
        clock.set(PERFORMED.plusDays(day));
        mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    private UUID publish(ProcedureEvent data) {
        UUID eventId = UUID.randomUUID();
        String type = data.getClass().getSimpleName();
        String value = json.writeValueAsString(new EventEnvelope<>(eventId, type, Instant.now(clock), patientId, data));
        EventSchemas.assertConforms(Topics.PROCEDURES, type, value);
        try {
            producer.send(new ProducerRecord<>(Topics.PROCEDURES, patientId.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + Topics.PROCEDURES, e);
        }
        return eventId;
    }

    private void awaitProcessed(UUID eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId).query(Integer.class).single() == 1);
    }

    private UUID planOf(UUID procedureId) {
        return jdbc.sql("SELECT id FROM follow_up_plan WHERE procedure_id = ?").param(procedureId).query(UUID.class)
                .optional().orElse(null);
    }

    private String candidateStatus(UUID candidateId) {
        return jdbc.sql("SELECT status FROM repeat_candidate WHERE id = ?").param(candidateId).query(String.class).single();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    }
}
