package org.clinictracker.followups.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.patients.PatientEvent;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientUpdated;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The patient replica fed by real events on the embedded broker, written as patient-service writes them and
 * checked against the published schema.
 */
@ClinicServiceTest
class PatientReplicaTests {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    KnownPatients knownPatients;
    @Autowired
    JdbcClient jdbc;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aRegisteredPatientBecomesKnownWithTheBaselineResponseIsMeasuredAgainst() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0, 7);

        publish(patientId, registration);

        KnownPatient patient = await().until(() -> knownPatients.find(patientId).orElse(null), found -> found != null);
        assertThat(patient).isEqualTo(new KnownPatient(patientId, registration.mrn(), "Silva, Maria", 7, BigDecimal.valueOf(30), 0,
                "Maria", "maria.silva@example.org"));
    }

    @Test
    void anUpdateOvertakingTheRegistrationIsKept() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0, 7);
        awaitProcessed(publish(patientId, update(registration, "Silva-Costa, Maria", 2, 8)));

        awaitProcessed(publish(patientId, registration));

        assertThat(knownPatients.find(patientId).orElseThrow())
                .isEqualTo(new KnownPatient(patientId, registration.mrn(), "Silva-Costa, Maria", 8, BigDecimal.valueOf(15), 2,
                        "Maria", "maria.costa@example.org"));
    }

    @Test
    void aRedeliveredEventIdChangesNothingEvenWithAHigherVersion() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0, 7);
        UUID updatedId = UUID.randomUUID();
        publish(patientId, envelope(updatedId, patientId, update(registration, "Silva-Costa, Maria", 1, 6)));
        awaitProcessed(updatedId);

        publish(patientId, envelope(updatedId, patientId, update(registration, "Someone Else", 9, 2)));
        // same key, so once this later event is in, the duplicate has been consumed
        awaitProcessed(publish(patientId, registration));

        assertThat(knownPatients.find(patientId).orElseThrow())
                .isEqualTo(new KnownPatient(patientId, registration.mrn(), "Silva-Costa, Maria", 6, BigDecimal.valueOf(15), 1,
                        "Maria", "maria.costa@example.org"));
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(updatedId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theOpioidUseAtIntakeIsKeptAndACorrectionReplacesIt() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = new PatientRegistered(patientId, "CT-" + (100000
                + ThreadLocalRandom.current().nextInt(900000)) + "-1", "Silva, Maria", LocalDate.of(1958, 3, 2),
                "FEMALE", "KNEE_OSTEOARTHRITIS", 0, 7, new BigDecimal("67.50"), "Maria", null);
        awaitProcessed(publish(patientId, registration));
        assertThat(knownPatients.find(patientId).orElseThrow().opioidMmePerDay()).isEqualByComparingTo("67.5");

        awaitProcessed(publish(patientId, new PatientUpdated(patientId, registration.mrn(), "Silva, Maria",
                registration.birthDate(), "FEMALE", "KNEE_OSTEOARTHRITIS", 1, 7, BigDecimal.ZERO, "Maria", null)));

        assertThat(knownPatients.find(patientId).orElseThrow().opioidMmePerDay()).isEqualByComparingTo("0");
    }

    @Test
    void aRegistrationFromBeforeTheOpioidFieldLeavesItUnknown() {
        UUID patientId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // written as patient-service wrote it before opioidMmePerDay existed: no such member at all
        ObjectNode event = (ObjectNode) json.readTree(envelope(eventId, patientId,
                registration(patientId, "Silva, Maria", 0, 7)));
        ((ObjectNode) event.get("data")).remove("opioidMmePerDay");
        String older = json.writeValueAsString(event);
        assertThat(older).doesNotContain("opioidMmePerDay");
        EventSchemas.assertConforms(Topics.PATIENTS, "PatientRegistered", older);

        publish(patientId, older);
        awaitProcessed(eventId);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.baselinePainScore()).isEqualTo(7);
        assertThat(patient.opioidMmePerDay()).isNull();
    }

    @Test
    void theFirstNameAndEmailAreKeptAndAnUpdateWithoutTheAddressRemovesIt() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0, 7);
        awaitProcessed(publish(patientId, registration));
        KnownPatient registered = knownPatients.find(patientId).orElseThrow();
        assertThat(registered.givenName()).isEqualTo("Maria");
        assertThat(registered.email()).isEqualTo("maria.silva@example.org");

        // the front desk removed the address: no link may go to it any more
        awaitProcessed(publish(patientId, new PatientUpdated(patientId, registration.mrn(), "Silva, Mariana",
                registration.birthDate(), "FEMALE", "KNEE_OSTEOARTHRITIS", 1, 7, null, "Mariana", null)));

        KnownPatient updated = knownPatients.find(patientId).orElseThrow();
        assertThat(updated.givenName()).isEqualTo("Mariana");
        assertThat(updated.email()).isNull();
        assertThat(jdbc.sql("SELECT email IS NULL FROM known_patient WHERE id = ?").param(patientId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anUpdateWithAnAddressThatCannotBeOneIsParkedAndTheKnownAddressKept() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0, 7);
        awaitProcessed(publish(patientId, registration));
        PatientUpdated update = update(registration, "Silva, Maria", 1, 7);
        String noAddress = envelope(UUID.randomUUID(), patientId, update)
                .replace("\"maria.costa@example.org\"", "\"maria.costa.example.org\"");
        assertThat(noAddress).contains("maria.costa.example.org");

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS + ".DLT")) {
            publish(patientId, noAddress);
            deadLetters.awaitRecord(patientId, noAddress::equals, AT_MOST);
        }
        UUID next = publish(patientId, update(registration, "Silva, Maria", 2, 6));
        awaitProcessed(next);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.demographicsVersion()).isEqualTo(2);
        assertThat(patient.email()).isEqualTo("maria.costa@example.org");
    }

    @Test
    void aRegistrationFromBeforeTheFirstNameAndEmailLeavesThemUnknown() {
        UUID patientId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ObjectNode event = (ObjectNode) json.readTree(envelope(eventId, patientId,
                registration(patientId, "Silva, Maria", 0, 7)));
        ((ObjectNode) event.get("data")).remove("givenName");
        ((ObjectNode) event.get("data")).remove("email");
        String older = json.writeValueAsString(event);
        assertThat(older).doesNotContain("givenName", "email");
        EventSchemas.assertConforms(Topics.PATIENTS, "PatientRegistered", older);

        publish(patientId, older);
        awaitProcessed(eventId);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.mrn()).isNotNull();
        assertThat(patient.givenName()).isNull();
        assertThat(patient.email()).isNull();

        // patient-service publishes the chart once more at the same version, with the fields (ChartRepublication)
        PatientRegistered chart = registration(patientId, "Silva, Maria", 0, 7);
        awaitProcessed(publish(patientId, new PatientUpdated(patientId, patient.mrn(), "Silva, Maria",
                chart.birthDate(), "FEMALE", "KNEE_OSTEOARTHRITIS", 0, 7, BigDecimal.valueOf(30), "Maria",
                "maria.silva@example.org")));

        KnownPatient republished = knownPatients.find(patientId).orElseThrow();
        assertThat(republished.givenName()).isEqualTo("Maria");
        assertThat(republished.email()).isEqualTo("maria.silva@example.org");
        assertThat(republished.demographicsVersion()).isZero();
    }

    @Test
    void aRowOpenedByAProcedureKeepsItsFollowUpCountersWhenTheChartArrives() {
        UUID patientId = UUID.randomUUID();
        jdbc.sql("INSERT INTO known_patient (id, consecutive_misses) VALUES (?, 2)").param(patientId).update();

        awaitProcessed(publish(patientId, registration(patientId, "Silva, Maria", 0, null)));

        assertThat(knownPatients.find(patientId).orElseThrow().mrn()).isNotNull();
        assertThat(jdbc.sql("SELECT consecutive_misses FROM known_patient WHERE id = ?").param(patientId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void screeningsAndConsentsAreClaimedAndSkipped() {
        UUID patientId = UUID.randomUUID();
        UUID consentEvent = UUID.randomUUID();
        publish(patientId, """
                {"id":"%s","type":"ConsentRecorded","occurredAt":"%s","subject":"%s","data":{"patientId":"%s",
                "consentId":"%s","procedure":"CRYONEUROLYSIS","signedOn":"2026-11-01"}}"""
                .formatted(consentEvent, Instant.now(), patientId, patientId, UUID.randomUUID()));

        awaitProcessed(consentEvent);
        assertThat(knownPatients.find(patientId)).isEmpty();
    }

    @Test
    void aPoisonMessageIsParkedAndTheNextEventStillApplied() {
        UUID patientId = UUID.randomUUID();
        String notJson = "PatientRegistered, but not as JSON {";
        String offScale = envelope(UUID.randomUUID(), patientId, registration(patientId, "Silva, Maria", 0, 7))
                .replace("\"baselinePainScore\":7", "\"baselinePainScore\":11");

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS + ".DLT")) {
            publish(patientId, notJson);
            publish(patientId, offScale);
            UUID good = publish(patientId, registration(patientId, "Silva, Maria", 0, 5));

            awaitProcessed(good);
            deadLetters.awaitRecord(patientId, offScale::equals, AT_MOST);
            assertThat(deadLetters.allRecordsFor(patientId)).as("parked once each, not retried")
                    .containsExactly(notJson, offScale);
            assertThat(knownPatients.find(patientId).orElseThrow().baselinePainScore()).isEqualTo(5);
        }
    }

    private static PatientRegistered registration(UUID patientId, String displayName, int version, Integer baseline) {
        String mrn = "CT-" + (100000 + ThreadLocalRandom.current().nextInt(900000)) + "-"
                + ThreadLocalRandom.current().nextInt(10);
        return new PatientRegistered(patientId, mrn, displayName, LocalDate.of(1958, 3, 2), "FEMALE",
                "KNEE_OSTEOARTHRITIS", version, baseline, BigDecimal.valueOf(30), "Maria", "maria.silva@example.org");
    }

    private static PatientUpdated update(PatientRegistered registration, String displayName, int version,
            Integer baseline) {
        return new PatientUpdated(registration.patientId(), registration.mrn(), displayName, registration.birthDate(),
                registration.sex(), registration.indicationCode(), version, baseline, BigDecimal.valueOf(15),
                registration.givenName(), "maria.costa@example.org");
    }

    private String envelope(UUID eventId, UUID patientId, PatientEvent data) {
        String type = data.getClass().getSimpleName();
        String value = json.writeValueAsString(new EventEnvelope<>(eventId, type, Instant.now(), patientId, data));
        EventSchemas.assertConforms(Topics.PATIENTS, type, value);
        return value;
    }

    private UUID publish(UUID patientId, PatientEvent data) {
        UUID eventId = UUID.randomUUID();
        publish(patientId, envelope(eventId, patientId, data));
        return eventId;
    }

    private void publish(UUID patientId, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PATIENTS, patientId.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + Topics.PATIENTS, e);
        }
    }

    private void awaitProcessed(UUID eventId) {
        await().until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() == 1);
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50));
    }
}
