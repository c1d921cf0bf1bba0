package org.clinictracker.procedures;

import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.patients.PatientEvent;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.procedures.patient.KnownPatients;
import org.clinictracker.testsupport.EventSchemas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays patient-service's part: publishes its events on the real topic, checked against their schema,
 * and waits until this service's replica has taken them in. A test-scoped bean: component scanning
 * finds it on the test classpath.
 */
@Component
public class ClinicPatients {

    private final KafkaProducer<String, String> producer;
    private final JsonMapper json;
    private final KnownPatients knownPatients;

    public ClinicPatients(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, JsonMapper json,
            KnownPatients knownPatients) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
        this.json = json;
        this.knownPatients = knownPatients;
    }

    /** A patient registered at the front desk and known here. */
    public UUID registered() {
        UUID patientId = UUID.randomUUID();
        String mrn = "CT-" + (100000 + ThreadLocalRandom.current().nextInt(800000)) + "-0";
        publish(patientId, new PatientRegistered(patientId, mrn, "Silva, Maria", LocalDate.of(1958, 3, 2), "FEMALE",
                "KNEE_OSTEOARTHRITIS", 0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> knownPatients.find(patientId).isPresent());
        return patientId;
    }

    /** A registered patient whose latest screening came out {@code result}, possibly overridden to {@code override}. */
    public UUID screened(String result, String override) {
        UUID patientId = registered();
        screen(patientId, UUID.randomUUID(), result, override);
        return patientId;
    }

    public void screen(UUID patientId, UUID screeningId, String result, String override) {
        String effective = override == null ? result : override;
        publish(patientId, new PatientScreened(patientId, screeningId, result,
                "NOT_ELIGIBLE".equals(result) ? List.of("ACTIVE_INFECTION") : List.of(), override, effective,
                Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> knownPatients.find(patientId)
                .map(patient -> patient.mayBeTreated() == !"NOT_ELIGIBLE".equals(effective)).orElse(false));
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private void publish(UUID patientId, PatientEvent event) {
        String value = json.writeValueAsString(EventEnvelope.of(patientId, event, Instant.now()));
        EventSchemas.assertConforms(Topics.PATIENTS, event.getClass().getSimpleName(), value);
        try {
            producer.send(new ProducerRecord<>(Topics.PATIENTS, patientId.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event, e);
        }
    }
}
