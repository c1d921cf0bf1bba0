package org.clinictracker.procedures.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientEvent;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.events.patients.PatientUpdated;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The patient replica fed by real events on the embedded broker, written the way patient-service writes
 * them (its envelope, serialised by the service's JsonMapper) and each checked against the published
 * schema, so this consumer is tested against the same contract as the producer.
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
    void aRegisteredPatientBecomesKnown() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0);

        publish(patientId, registration);

        KnownPatient patient = await().until(() -> knownPatients.find(patientId).orElse(null), found -> found != null);
        assertThat(patient.mrn()).isEqualTo(registration.mrn());
        assertThat(patient.displayName()).isEqualTo("Silva, Maria");
        assertThat(patient.birthDate()).isEqualTo(LocalDate.of(1958, 3, 2));
        assertThat(patient.sex()).isEqualTo("FEMALE");
        assertThat(patient.demographicsVersion()).isZero();
        assertThat(patient.latestScreening()).isNull();
        assertThat(patient.consents()).isEmpty();
        assertThat(patient.refusalReason(Modality.CRYONEUROLYSIS)).as("nothing rules it out").isEmpty();
        assertThat(patient.clearanceGaps(Modality.CRYONEUROLYSIS)).as("but nothing clears it either")
                .extracting(KnownPatient.ClearanceGap::code).containsExactly("NOT_SCREENED", "CONSENT_MISSING");
    }

    @Test
    void anUpdateReplacesTheDemographics() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0);
        publish(patientId, registration);
        publish(patientId, update(registration, "Silva-Costa, Maria", 1));

        await().until(() -> knownPatients.find(patientId).map(KnownPatient::displayName).orElse(null),
                "Silva-Costa, Maria"::equals);
        assertThat(knownPatients.find(patientId).orElseThrow().demographicsVersion()).isEqualTo(1);
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0);
        UUID registeredId = UUID.randomUUID();
        String registered = publish(patientId, envelope(registeredId, patientId, registration, Instant.now()));
        UUID updatedId = UUID.randomUUID();
        publish(patientId, envelope(updatedId, patientId, update(registration, "Silva-Costa, Maria", 1), Instant.now()));
        awaitProcessed(updatedId);

        // the registration again, byte for byte, after the later update ...
        publish(patientId, registered);
        // ... and a redelivery of the update's id that would win on version alone: the id alone stops it
        publish(patientId, envelope(updatedId, patientId, update(registration, "Someone Else", 7), Instant.now()));
        // same key, so once this later event is in, both duplicates have been consumed
        UUID laterId = UUID.randomUUID();
        publish(patientId, envelope(laterId, patientId, screening(patientId, UUID.randomUUID(), "ELIGIBLE", null,
                Instant.now()), Instant.now()));
        awaitProcessed(laterId);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.displayName()).isEqualTo("Silva-Costa, Maria");
        assertThat(patient.demographicsVersion()).isEqualTo(1);
        assertThat(timesProcessed(registeredId)).isEqualTo(1);
        assertThat(timesProcessed(updatedId)).isEqualTo(1);
    }

    @Test
    void anUpdateOvertakingTheRegistrationIsKept() {
        UUID patientId = UUID.randomUUID();
        PatientRegistered registration = registration(patientId, "Silva, Maria", 0);
        UUID updatedId = publish(patientId, update(registration, "Silva-Costa, Maria", 2));
        awaitProcessed(updatedId);
        assertThat(knownPatients.find(patientId)).as("an update carries full demographics").isPresent();

        UUID registeredId = publish(patientId, registration);
        awaitProcessed(registeredId);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.demographicsVersion()).isEqualTo(2);
        assertThat(patient.displayName()).isEqualTo("Silva-Costa, Maria");
    }

    @Test
    void aScreeningBeforeTheRegistrationWaitsForIt() {
        UUID patientId = UUID.randomUUID();
        UUID screeningId = UUID.randomUUID();
        UUID screenedId = publish(patientId, screening(patientId, screeningId, "NOT_ELIGIBLE", null, Instant.now()));
        awaitProcessed(screenedId);
        assertThat(knownPatients.find(patientId)).as("no demographics yet: not a patient to record for").isEmpty();

        publish(patientId, registration(patientId, "Silva, Maria", 0));

        KnownPatient patient = await().until(() -> knownPatients.find(patientId).orElse(null), found -> found != null);
        assertThat(patient.latestScreening().screeningId()).isEqualTo(screeningId);
        assertThat(patient.refusalReason(Modality.CRYONEUROLYSIS)).isPresent();
    }

    @Test
    void anOverrideToEligibleLetsThePatientBeTreated() {
        UUID patientId = UUID.randomUUID();
        publish(patientId, registration(patientId, "Silva, Maria", 0));
        UUID screeningId = UUID.randomUUID();
        Instant screenedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        publish(patientId, screening(patientId, screeningId, "NOT_ELIGIBLE", null, screenedAt));

        KnownPatient refused = await().until(() -> knownPatients.find(patientId).orElse(null),
                found -> found != null && found.latestScreening() != null);
        assertThat(refused.latestScreening().effectiveResult()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
        assertThat(refused.refusalReason(Modality.CRYONEUROLYSIS)).hasValueSatisfying(reason -> assertThat(reason)
                .contains(screeningId.toString()).contains("ACTIVE_INFECTION").contains("override"));

        // the override event carries the screening it overrides, with that screening's time
        publish(patientId, screening(patientId, screeningId, "NOT_ELIGIBLE", "ELIGIBLE", screenedAt));

        KnownPatient treatable = await().until(() -> knownPatients.find(patientId).orElseThrow(),
                found -> found.refusalReason(Modality.CRYONEUROLYSIS).isEmpty());
        assertThat(treatable.latestScreening().result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
        assertThat(treatable.latestScreening().overrideResult()).isEqualTo(ScreeningResult.ELIGIBLE);
        assertThat(treatable.latestScreening().forModality(Modality.NERVE_BLOCK).orElseThrow().overrideResult())
                .isEqualTo(ScreeningResult.ELIGIBLE);
    }

    @Test
    void anOlderScreeningArrivingLateDoesNotReplaceTheLatest() {
        UUID patientId = UUID.randomUUID();
        publish(patientId, registration(patientId, "Silva, Maria", 0));
        Instant now = Instant.now();
        UUID latestScreening = UUID.randomUUID();
        publish(patientId, screening(patientId, latestScreening, "ELIGIBLE", null, now));
        UUID lateId = publish(patientId, screening(patientId, UUID.randomUUID(), "NOT_ELIGIBLE", null,
                now.minus(Duration.ofDays(1))));
        awaitProcessed(lateId);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.latestScreening().screeningId()).isEqualTo(latestScreening);
        assertThat(patient.refusalReason(Modality.CRYONEUROLYSIS)).isEmpty();
    }

    @Test
    void consentsOnFileAreKeptPerModalityWhateverTheOrder() {
        UUID patientId = UUID.randomUUID();
        UUID early = publish(patientId, new ConsentRecorded(patientId, UUID.randomUUID(), "CRYONEUROLYSIS",
                LocalDate.now().minusDays(3)));
        awaitProcessed(early);
        publish(patientId, registration(patientId, "Silva, Maria", 0));
        publish(patientId, new ConsentRecorded(patientId, UUID.randomUUID(), "NERVE_BLOCK", LocalDate.now()));

        KnownPatient patient = await().until(() -> knownPatients.find(patientId).orElse(null),
                found -> found != null && found.consents().size() == 2);
        assertThat(patient.consents()).containsExactlyInAnyOrder(Modality.CRYONEUROLYSIS, Modality.NERVE_BLOCK);
        assertThat(patient.clearanceGaps(Modality.RADIOFREQUENCY_ABLATION)).extracting(KnownPatient.ClearanceGap::code)
                .contains("CONSENT_MISSING");
    }

    @Test
    void theLatestScreeningKeepsEachModalitysVerdict() {
        UUID patientId = UUID.randomUUID();
        publish(patientId, registration(patientId, "Silva, Maria", 0));
        UUID screeningId = UUID.randomUUID();
        publish(patientId, new PatientScreened(patientId, screeningId, "ELIGIBLE", List.of(), null, "ELIGIBLE",
                Instant.now(), List.of(
                        new PatientScreened.ModalityScreening("CRYONEUROLYSIS", "NOT_ELIGIBLE", List.of("COLD_INTOLERANCE"),
                                null, null, "NOT_ELIGIBLE"),
                        new PatientScreened.ModalityScreening("RADIOFREQUENCY_ABLATION", "ELIGIBLE", List.of(), null, null,
                                "ELIGIBLE"),
                        new PatientScreened.ModalityScreening("NERVE_BLOCK", "NEEDS_REVIEW",
                                List.of("INCOMPLETE_ANSWERS"), null, null, "NEEDS_REVIEW"))));

        KnownPatient patient = await().until(() -> knownPatients.find(patientId).orElse(null),
                found -> found != null && found.latestScreening() != null);
        assertThat(patient.refusalReason(Modality.CRYONEUROLYSIS)).hasValueSatisfying(
                reason -> assertThat(reason).contains("COLD_INTOLERANCE").contains("CRYONEUROLYSIS"));
        assertThat(patient.refusalReason(Modality.RADIOFREQUENCY_ABLATION)).isEmpty();
        assertThat(patient.refusalReason(Modality.NERVE_BLOCK)).isEmpty();
        assertThat(patient.clearanceGaps(Modality.NERVE_BLOCK)).extracting(KnownPatient.ClearanceGap::code)
                .containsExactly("SCREENING_NEEDS_REVIEW", "CONSENT_MISSING");
    }

    @Test
    void aScreeningPublishedBeforeScreeningsFollowedTheModalityClearsNoModality() {
        UUID patientId = UUID.randomUUID();
        publish(patientId, registration(patientId, "Silva, Maria", 0));
        UUID eventId = UUID.randomUUID();
        publish(patientId, """
                {"id":"%s","type":"PatientScreened","occurredAt":"%s","subject":"%s","data":{"patientId":"%s",
                "screeningId":"%s","result":"ELIGIBLE","reasonCodes":[],"overrideResult":null,
                "effectiveResult":"ELIGIBLE","screenedAt":"%s"}}"""
                .formatted(eventId, Instant.now(), patientId, patientId, UUID.randomUUID(), Instant.now()));
        awaitProcessed(eventId);

        KnownPatient patient = knownPatients.find(patientId).orElseThrow();
        assertThat(patient.refusalReason(Modality.CRYONEUROLYSIS)).isEmpty();
        assertThat(patient.clearanceGaps(Modality.CRYONEUROLYSIS)).extracting(KnownPatient.ClearanceGap::code)
                .containsExactly("MODALITY_NOT_SCREENED", "CONSENT_MISSING");
    }

    @Test
    void aScreeningWhoseModalityVerdictContradictsItselfIsParked() {
        UUID patientId = UUID.randomUUID();
        PatientScreened contradictory = new PatientScreened(patientId, UUID.randomUUID(), "ELIGIBLE", List.of(), null,
                "ELIGIBLE", Instant.now(), List.of(new PatientScreened.ModalityScreening("CRYONEUROLYSIS",
                        "NOT_ELIGIBLE", List.of("COLD_INTOLERANCE"), null, null, "ELIGIBLE")));
        String poison = json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), "PatientScreened", Instant.now(),
                patientId, contradictory));

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS + ".DLT")) {
            publish(patientId, poison);
            UUID goodId = publish(patientId, registration(patientId, "Silva, Maria", 0));

            awaitProcessed(goodId);
            deadLetters.awaitRecord(patientId, poison::equals, AT_MOST);
            assertThat(knownPatients.find(patientId).orElseThrow().latestScreening()).isNull();
        }
    }

    @Test
    void eventsThisServiceDoesNotUseAreSkipped() {
        UUID patientId = UUID.randomUUID();
        // a type added to the topic after this version was written
        UUID futureId = UUID.randomUUID();
        publish(patientId, """
                {"id":"%s","type":"PatientArchived","occurredAt":"%s","subject":"%s","data":{"patientId":"%s"}}"""
                .formatted(futureId, Instant.now(), patientId, patientId));
        publish(patientId, registration(patientId, "Silva, Maria", 0));

        await().until(() -> knownPatients.find(patientId).isPresent());
        assertThat(timesProcessed(futureId)).isEqualTo(1);
    }

    @Test
    void aMessageThatIsNotJsonIsParkedAndTheNextEventStillApplied() {
        UUID patientId = UUID.randomUUID();
        String poison = "PatientRegistered, but not as JSON {";

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS + ".DLT")) {
            publish(patientId, poison);
            publish(patientId, registration(patientId, "Silva, Maria", 0));

            await().until(() -> knownPatients.find(patientId).isPresent());
            deadLetters.awaitRecord(patientId, poison::equals, AT_MOST);
            assertThat(deadLetters.allRecordsFor(patientId)).as("parked once, not retried").containsExactly(poison);
        }
    }

    @Test
    void anEventWithoutSubjectIsParkedAndTheNextEventStillApplied() {
        UUID patientId = UUID.randomUUID();
        ObjectNode event = (ObjectNode) json.readTree(
                envelope(UUID.randomUUID(), patientId, registration(patientId, "Silva, Maria", 0), Instant.now()));
        event.remove("subject");
        String poison = json.writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientRegistered", poison)).isNotEmpty();

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS + ".DLT")) {
            publish(patientId, poison);
            UUID goodId = publish(patientId, registration(patientId, "Silva, Maria", 0));

            await().until(() -> knownPatients.find(patientId).isPresent());
            deadLetters.awaitRecord(patientId, poison::equals, AT_MOST);
            assertThat(timesProcessed(goodId)).isEqualTo(1);
        }
    }

    @Test
    void aParkedEventCarriesItsReasonButNoStackTraceAndNoPatientDataInItsHeaders() {
        UUID patientId = UUID.randomUUID();
        // cut short: a parser's own message would quote the name it choked on
        String poison = "{\"id\":\"%s\",\"data\":{\"displayName\":\"Núñez, María\",\"birthDate\":\"1961-04-17\""
                .formatted(UUID.randomUUID());

        try (TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS + ".DLT")) {
            publish(patientId, poison);
            ConsumerRecord<String, String> parked = deadLetters.awaitConsumerRecord(patientId, poison::equals, AT_MOST);

            Map<String, String> headers = new HashMap<>();
            parked.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
            assertThat(headers).doesNotContainKey(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)
                    .containsEntry(KafkaHeaders.DLT_EXCEPTION_FQCN, MalformedEvent.class.getName())
                    .containsKey(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                    .containsKey(KafkaHeaders.DLT_ORIGINAL_OFFSET);
            assertThat(headers.values()).noneMatch(value -> value.contains("Núñez") || value.contains("1961-04-17"));
        }
    }

    private static PatientRegistered registration(UUID patientId, String displayName, int version) {
        String mrn = "CT-" + (100000 + ThreadLocalRandom.current().nextInt(900000)) + "-" + ThreadLocalRandom.current().nextInt(10);
        return new PatientRegistered(patientId, mrn, displayName, LocalDate.of(1958, 3, 2), "FEMALE",
                "KNEE_OSTEOARTHRITIS", version, 7, new BigDecimal("45.5"), "Maria", "maria@example.org");
    }

    private static PatientUpdated update(PatientRegistered registration, String displayName, int version) {
        return new PatientUpdated(registration.patientId(), registration.mrn(), displayName, registration.birthDate(),
                registration.sex(), registration.indicationCode(), version, registration.baselinePainScore(),
                registration.opioidMmePerDay(), registration.givenName(), registration.email());
    }

    private static PatientScreened screening(UUID patientId, UUID screeningId, String result, String override,
            Instant screenedAt) {
        List<String> reasons = "NOT_ELIGIBLE".equals(result) ? List.of("ACTIVE_INFECTION") : List.of();
        String effective = override == null ? result : override;
        List<PatientScreened.ModalityScreening> modalities = Arrays.stream(Modality.values())
                .map(m -> new PatientScreened.ModalityScreening(m.name(), result, reasons,
                        override == null ? null : UUID.randomUUID(), override, effective))
                .toList();
        return new PatientScreened(patientId, screeningId, result, reasons, override, effective, screenedAt, modalities);
    }

    /** The envelope as patient-service's outbox writes it, checked against the published schema. */
    private String envelope(UUID eventId, UUID patientId, PatientEvent data, Instant occurredAt) {
        String type = data.getClass().getSimpleName();
        String value = json.writeValueAsString(new EventEnvelope<>(eventId, type, occurredAt, patientId, data));
        EventSchemas.assertConforms(Topics.PATIENTS, type, value);
        return value;
    }

    /** Publishes a fresh event about the patient; returns its event id. */
    private UUID publish(UUID patientId, PatientEvent data) {
        UUID eventId = UUID.randomUUID();
        publish(patientId, envelope(eventId, patientId, data, Instant.now()));
        return eventId;
    }

    /** Publishes {@code value} as it stands, keyed by the patient like patient-service does. */
    private String publish(UUID patientId, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PATIENTS, patientId.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + Topics.PATIENTS, e);
        }
        return value;
    }

    private void awaitProcessed(UUID eventId) {
        await().until(() -> timesProcessed(eventId) == 1);
    }

    private int timesProcessed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single();
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50));
    }
}
