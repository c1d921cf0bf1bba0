package org.clinictracker.followups.procedure;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.awaitility.core.ConditionFactory;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.procedures.AdverseEventReported;
import org.clinictracker.events.procedures.AdverseEventUpdated;
import org.clinictracker.events.procedures.ProcedureAmended;
import org.clinictracker.events.procedures.ProcedureEvent;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plans made and kept up to date from procedure-service's events on the embedded broker, written as its outbox
 * writes them and checked against the published schemas: once per procedure, whatever the order and however
 * often delivered.
 */
@ClinicServiceTest
class ProcedureFollowUpTests {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Plans plans;

    private KafkaProducer<String, String> producer;
    private UUID patientId;

    @BeforeEach
    void connect() {
        clock.set(TODAY);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        patientId = plans.patient("Silva, Maria", 6);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.reset();
    }

    @Test
    void a_procedure_delivered_twice_gets_one_plan_announced_once() {
        ProcedureRecorded procedure = recorded(UUID.randomUUID(), TODAY, "CRYONEUROLYSIS", 1, null);
        String event = envelope(UUID.randomUUID(), procedure);

        try (TopicProbe followUps = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            publish(event);
            publish(event);
            awaitProcessed(publish(recorded(UUID.randomUUID(), TODAY, "NERVE_BLOCK", 1, null)));

            assertThat(plansOf(procedure.procedureId())).isEqualTo(1);
            String created = followUps.awaitRecord(patientId, value -> value.contains(procedure.procedureId().toString()),
                    AT_MOST);
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "FollowUpPlanCreated", created);
            assertThat(followUps.allRecordsFor(patientId))
                    .filteredOn(value -> value.contains(procedure.procedureId().toString())).hasSize(1);
        }
        assertThat(visits(procedure.procedureId())).extracting(v -> v.get("label"))
                .containsExactly("DAY_2", "WEEK_2", "WEEK_6", "MONTH_3", "MONTH_6", "MONTH_9", "MONTH_12");
    }

    @Test
    void a_late_entry_gets_every_visit_and_the_past_ones_are_due_or_overdue_not_missed() {
        ProcedureRecorded procedure = recorded(UUID.randomUUID(), TODAY.minusDays(200), "CRYONEUROLYSIS", 1, null);

        awaitProcessed(publish(procedure));

        List<Map<String, Object>> visits = visits(procedure.procedureId());
        assertThat(visits).hasSize(7).allSatisfy(v -> {
            assertThat(v.get("state")).isEqualTo("OPEN");
            assertThat(day(v, "last_day")).as("documentable today").isAfterOrEqualTo(TODAY);
        });
        assertThat(visits).extracting(v -> status(v))
                .containsExactly(VisitStatus.OVERDUE, VisitStatus.OVERDUE, VisitStatus.OVERDUE, VisitStatus.OVERDUE,
                        VisitStatus.OVERDUE, VisitStatus.SCHEDULED, VisitStatus.SCHEDULED);
    }

    @Test
    void an_amended_day_moves_the_open_visits_only() {
        UUID procedureId = UUID.randomUUID();
        LocalDate performedOn = TODAY.minusDays(20);
        awaitProcessed(publish(recorded(procedureId, performedOn, "CRYONEUROLYSIS", 1, null)));
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE procedure_id = ? AND label = 'DAY_2'")
                .param(procedureId).update();
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED' WHERE procedure_id = ? AND label = 'WEEK_2'")
                .param(procedureId).update();

        awaitProcessed(publish(amended(procedureId, performedOn.minusDays(3), "CRYONEUROLYSIS", 1, null, 1)));

        Map<String, Map<String, Object>> visits = byLabel(visits(procedureId));
        assertThat(day(visits.get("DAY_2"), "due_on")).as("completed: kept").isEqualTo(performedOn.plusDays(2));
        assertThat(day(visits.get("WEEK_2"), "due_on")).as("missed: kept").isEqualTo(performedOn.plusDays(14));
        assertThat(day(visits.get("WEEK_6"), "due_on")).isEqualTo(performedOn.minusDays(3).plusDays(42));
        assertThat(day(visits.get("WEEK_6"), "window_start")).isEqualTo(performedOn.minusDays(3).plusDays(39));
        assertThat(day(visits.get("MONTH_3"), "window_end")).isEqualTo(performedOn.minusDays(3).plusDays(104));
        assertThat(jdbc.sql("SELECT performed_on FROM follow_up_plan WHERE procedure_id = ?").param(procedureId)
                .query(LocalDate.class).single()).isEqualTo(performedOn.minusDays(3));
    }

    @Test
    void an_amendment_overtaking_its_recording_makes_the_plan_and_the_late_recording_changes_nothing() {
        UUID procedureId = UUID.randomUUID();
        LocalDate amendedDay = TODAY.minusDays(2);
        awaitProcessed(publish(amended(procedureId, amendedDay, "CRYONEUROLYSIS", 1, null, 1)));
        awaitProcessed(publish(recorded(procedureId, TODAY.minusDays(9), "NERVE_BLOCK", 1, null)));
        // and an older amendment, and another event of the version kept, still later
        awaitProcessed(publish(amended(procedureId, TODAY.minusDays(5), "NERVE_BLOCK", 1, null, 0)));
        awaitProcessed(publish(amended(procedureId, TODAY.minusDays(6), "NERVE_BLOCK", 1, null, 1)));

        assertThat(plansOf(procedureId)).isEqualTo(1);
        Map<String, Object> plan = jdbc.sql("SELECT modality, performed_on FROM follow_up_plan WHERE procedure_id = ?")
                .param(procedureId).query().singleRow();
        assertThat(plan.get("modality")).isEqualTo("CRYONEUROLYSIS");
        assertThat(((java.sql.Date) plan.get("performed_on")).toLocalDate()).isEqualTo(amendedDay);
        assertThat(day(byLabel(visits(procedureId)).get("WEEK_2"), "due_on")).isEqualTo(amendedDay.plusDays(14));
        assertThat(jdbc.sql("SELECT version FROM known_procedure WHERE id = ?").param(procedureId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_corrected_modality_puts_the_plan_on_that_modalitys_protocol_keeping_what_was_documented() {
        UUID procedureId = UUID.randomUUID();
        LocalDate performedOn = TODAY.minusDays(3);
        awaitProcessed(publish(recorded(procedureId, performedOn, "NERVE_BLOCK", 1, null)));
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE procedure_id = ? AND label = 'DAY_1'")
                .param(procedureId).update();

        awaitProcessed(publish(amended(procedureId, performedOn, "CRYONEUROLYSIS", 1, null, 1)));

        Map<String, Map<String, Object>> visits = byLabel(visits(procedureId));
        assertThat(visits.get("DAY_1").get("state")).isEqualTo("COMPLETED");
        assertThat(visits).containsKeys("DAY_2", "WEEK_2", "WEEK_6", "MONTH_3", "MONTH_6", "MONTH_9", "MONTH_12");
        assertThat(visits.values()).allSatisfy(v -> assertThat(v.get("modality")).isEqualTo("CRYONEUROLYSIS"));
        assertThat(jdbc.sql("SELECT modality FROM follow_up_plan WHERE procedure_id = ?").param(procedureId)
                .query(String.class).single()).isEqualTo("CRYONEUROLYSIS");
    }

    @Test
    void a_repeat_ends_the_earlier_plan_but_keeps_its_safety_check_and_a_relink_is_followed() {
        UUID first = UUID.randomUUID();
        awaitProcessed(publish(recorded(first, TODAY.minusDays(120), "CRYONEUROLYSIS", 1, null)));
        awaitProcessed(publish(adverseEvent(UUID.randomUUID(), first, true, 0, false)));
        UUID second = UUID.randomUUID();
        awaitProcessed(publish(recorded(second, TODAY.minusDays(1), "CRYONEUROLYSIS", 2, first)));

        assertThat(byLabel(visits(first)).values()).allSatisfy(v -> assertThat(v.get("state"))
                .isEqualTo("SAFETY_CHECK".equals(v.get("kind")) ? "OPEN" : "CANCELLED"));
        assertThat(reliefEndedOn(first)).isEqualTo(TODAY.minusDays(1));

        // procedure-service corrects the link: the third treatment repeats the second, not the first
        UUID third = UUID.randomUUID();
        awaitProcessed(publish(recorded(third, TODAY, "CRYONEUROLYSIS", 1, null)));
        assertThat(reliefEndedOn(second)).isNull();
        awaitProcessed(publish(amended(third, TODAY, "CRYONEUROLYSIS", 3, second, 1)));

        assertThat(jdbc.sql("SELECT treatment_number FROM follow_up_plan WHERE procedure_id = ?").param(third)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(reliefEndedOn(second)).isEqualTo(TODAY);
        assertThat(visits(second)).allSatisfy(v -> assertThat(v.get("state")).isEqualTo("CANCELLED"));
        assertThat(visits(third)).allSatisfy(v -> assertThat(v.get("state")).isEqualTo("OPEN"));
    }

    @Test
    void an_earlier_treatment_whose_plan_is_made_after_its_repeats_is_ended_at_once() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        awaitProcessed(publish(recorded(second, TODAY.minusDays(2), "RADIOFREQUENCY_ABLATION", 2, first)));

        awaitProcessed(publish(recorded(first, TODAY.minusDays(150), "RADIOFREQUENCY_ABLATION", 1, null)));

        assertThat(reliefEndedOn(first)).isEqualTo(TODAY.minusDays(2));
        assertThat(visits(first)).isNotEmpty().allSatisfy(v -> assertThat(v.get("state")).isEqualTo("CANCELLED"));
        assertThat(visits(second)).isNotEmpty().allSatisfy(v -> assertThat(v.get("state")).isEqualTo("OPEN"));
    }

    @Test
    void a_serious_complication_adds_one_safety_check_however_often_it_is_told() {
        UUID procedureId = UUID.randomUUID();
        LocalDate performedOn = TODAY.minusDays(5);
        awaitProcessed(publish(recorded(procedureId, performedOn, "CRYONEUROLYSIS", 1, null)));
        UUID adverseEventId = UUID.randomUUID();
        String reported = envelope(UUID.randomUUID(), adverseEvent(adverseEventId, procedureId, true, 0, false));

        publish(reported);
        publish(reported);
        awaitProcessed(publish(adverseEvent(adverseEventId, procedureId, true, 1, true)));
        awaitProcessed(publish(adverseEvent(UUID.randomUUID(), procedureId, false, 0, false)));

        List<Map<String, Object>> checks = safetyChecks(procedureId);
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.get("label")).isEqualTo("SAFETY_CHECK_1");
            assertThat(check.get("adverse_event_id")).isEqualTo(adverseEventId);
            assertThat(day(check, "due_on")).isEqualTo(TODAY.plusDays(1));
            assertThat(day(check, "window_start")).isEqualTo(TODAY.plusDays(1));
            assertThat(day(check, "window_end")).isEqualTo(TODAY.plusDays(3));
            assertThat(day(check, "last_day")).isEqualTo(TODAY.plusDays(3));
        });

        awaitProcessed(publish(adverseEvent(UUID.randomUUID(), procedureId, true, 0, false)));
        assertThat(safetyChecks(procedureId)).extracting(check -> check.get("label"))
                .containsExactly("SAFETY_CHECK_1", "SAFETY_CHECK_2");
    }

    @Test
    void a_serious_complication_reported_before_its_procedure_arrives_gets_its_check_when_the_plan_is_made() {
        UUID procedureId = UUID.randomUUID();
        UUID adverseEventId = UUID.randomUUID();
        awaitProcessed(publish(adverseEvent(adverseEventId, procedureId, true, 0, false)));
        // a later version downgrades it: a complication once reported serious keeps its check
        awaitProcessed(publish(adverseEvent(adverseEventId, procedureId, false, 1, true)));

        awaitProcessed(publish(recorded(procedureId, TODAY.minusDays(1), "RADIOFREQUENCY_ABLATION", 1, null)));

        assertThat(safetyChecks(procedureId)).singleElement()
                .satisfies(check -> assertThat(day(check, "due_on")).isEqualTo(TODAY.plusDays(1)));
    }

    @Test
    void a_poison_message_is_parked_and_the_next_event_still_applied() {
        ProcedureRecorded unknownModality = recorded(UUID.randomUUID(), TODAY, "CRYONEUROLYSIS", 1, null);
        String poison = envelope(UUID.randomUUID(), unknownModality).replace("\"CRYONEUROLYSIS\"", "\"ACUPUNCTURE\"");
        String notJson = "ProcedureRecorded, but not as JSON {";
        ProcedureRecorded good = recorded(UUID.randomUUID(), TODAY, "CRYONEUROLYSIS", 1, null);

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES + ".DLT")) {
            publish(poison);
            publish(notJson);
            awaitProcessed(publish(good));

            deadLetters.awaitRecord(patientId, notJson::equals, AT_MOST);
            assertThat(deadLetters.allRecordsFor(patientId)).containsExactly(poison, notJson);
        }
        assertThat(plansOf(unknownModality.procedureId())).isZero();
        assertThat(plansOf(good.procedureId())).isEqualTo(1);
    }

    private ProcedureRecorded recorded(UUID procedureId, LocalDate performedOn, String modality, int treatmentNumber,
            UUID previousProcedureId) {
        return new ProcedureRecorded(procedureId, patientId, at(performedOn), modality, "KNEE_OSTEOARTHRITIS",
                Plans.KNEE, 8, treatmentNumber, previousProcedureId, false, 0);
    }

    private ProcedureAmended amended(UUID procedureId, LocalDate performedOn, String modality, int treatmentNumber,
            UUID previousProcedureId, int version) {
        return new ProcedureAmended(procedureId, patientId, at(performedOn), modality, "KNEE_OSTEOARTHRITIS",
                Plans.KNEE, 8, treatmentNumber, previousProcedureId, false, version);
    }

    private ProcedureEvent adverseEvent(UUID adverseEventId, UUID procedureId, boolean serious, int version,
            boolean update) {
        return update
                ? new AdverseEventUpdated(adverseEventId, procedureId, patientId, "MOTOR_WEAKNESS", "SEVERE", serious,
                        TODAY.minusDays(2), "ONGOING", null, version)
                : new AdverseEventReported(adverseEventId, procedureId, patientId, "MOTOR_WEAKNESS", "SEVERE", serious,
                        TODAY.minusDays(2), "ONGOING", null, version);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    }

    /** The envelope as procedure-service's outbox writes it, checked against the published schema. */
    private String envelope(UUID eventId, ProcedureEvent data) {
        String type = data.getClass().getSimpleName();
        String value = json.writeValueAsString(new EventEnvelope<>(eventId, type, Instant.now(clock), patientId, data));
        EventSchemas.assertConforms(Topics.PROCEDURES, type, value);
        return value;
    }

    private UUID publish(ProcedureEvent data) {
        UUID eventId = UUID.randomUUID();
        publish(envelope(eventId, data));
        return eventId;
    }

    private void publish(String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PROCEDURES, patientId.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + Topics.PROCEDURES, e);
        }
    }

    private void awaitProcessed(UUID eventId) {
        await().until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() == 1);
    }

    private int plansOf(UUID procedureId) {
        return jdbc.sql("SELECT count(*) FROM follow_up_plan WHERE procedure_id = ?").param(procedureId)
                .query(Integer.class).single();
    }

    private LocalDate reliefEndedOn(UUID procedureId) {
        return jdbc.sql("SELECT relief_ended_on FROM follow_up_plan WHERE procedure_id = ?").param(procedureId)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class))).single().orElse(null);
    }

    private List<Map<String, Object>> visits(UUID procedureId) {
        return jdbc.sql("""
                SELECT label, kind, state, modality, due_on, window_start, window_end, last_day, adverse_event_id
                FROM follow_up_visit WHERE procedure_id = ? ORDER BY due_on, label""")
                .param(procedureId).query().listOfRows();
    }

    private List<Map<String, Object>> safetyChecks(UUID procedureId) {
        return visits(procedureId).stream().filter(v -> "SAFETY_CHECK".equals(v.get("kind"))).toList();
    }

    private static Map<String, Map<String, Object>> byLabel(List<Map<String, Object>> visits) {
        return visits.stream().collect(java.util.stream.Collectors.toMap(v -> (String) v.get("label"), v -> v));
    }

    private static LocalDate day(Map<String, Object> visit, String column) {
        return ((java.sql.Date) visit.get(column)).toLocalDate();
    }

    private static VisitStatus status(Map<String, Object> visit) {
        return VisitStatus.of((String) visit.get("state"), day(visit, "window_start"), day(visit, "due_on"), TODAY);
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50));
    }
}
