package org.clinictracker.procedures;

import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientEvent;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.procedures.patient.KnownPatients;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.vocabulary.Modality;
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

    /**
     * The usual patient of a test: registered, screened ELIGIBLE for every modality and consented to every
     * modality, so any procedure may be recorded.
     */
    public UUID registered() {
        UUID patientId = registeredOnly();
        screen(patientId, UUID.randomUUID(), "ELIGIBLE", null);
        for (Modality modality : Modality.values()) {
            consent(patientId, modality);
        }
        return patientId;
    }

    /** A patient registered at the front desk and known here, never screened and without any consent. */
    public UUID registeredOnly() {
        UUID patientId = UUID.randomUUID();
        String mrn = "CT-" + (100000 + ThreadLocalRandom.current().nextInt(800000)) + "-0";
        publish(patientId, new PatientRegistered(patientId, mrn, "Silva, Maria", LocalDate.of(1958, 3, 2), "FEMALE",
                "KNEE_OSTEOARTHRITIS", 0, 7, null, "Maria", null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> knownPatients.find(patientId).isPresent());
        return patientId;
    }

    /**
     * A registered patient, consented to every modality, whose latest screening came out {@code result}
     * for every modality, possibly overridden to {@code override}.
     */
    public UUID screened(String result, String override) {
        UUID patientId = registeredOnly();
        for (Modality modality : Modality.values()) {
            consent(patientId, modality);
        }
        screen(patientId, UUID.randomUUID(), result, override);
        return patientId;
    }

    /** A screening with the same verdict for every modality. */
    public void screen(UUID patientId, UUID screeningId, String result, String override) {
        screen(patientId, screeningId, Map.of(), result, override);
    }

    /**
     * A screening whose rules found {@code result} except where {@code byModality} says otherwise; the
     * override (if any) covers every modality.
     */
    public void screen(UUID patientId, UUID screeningId, Map<Modality, String> byModality, String result,
            String override) {
        List<PatientScreened.ModalityScreening> modalities = Arrays.stream(Modality.values())
                .map(modality -> {
                    String found = byModality.getOrDefault(modality, result);
                    return new PatientScreened.ModalityScreening(modality.name(), found, reasonsFor(found),
                            override == null ? null : UUID.randomUUID(), override, override == null ? found : override);
                }).toList();
        String effective = override == null ? result : override;
        publish(patientId, new PatientScreened(patientId, screeningId, result, reasonsFor(result), override, effective,
                Instant.now(), modalities));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> knownPatients.find(patientId)
                .map(patient -> patient.latestScreening() != null
                        && patient.latestScreening().screeningId().equals(screeningId)
                        && Objects.equals(patient.latestScreening().overrideResult() == null ? null
                                : patient.latestScreening().overrideResult().name(), override))
                .orElse(false));
    }

    /** A consent for {@code modality} signed today. */
    public void consent(UUID patientId, Modality modality) {
        publish(patientId, new ConsentRecorded(patientId, UUID.randomUUID(), modality.name(), LocalDate.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> knownPatients.find(patientId)
                .map(patient -> patient.consents().contains(modality)).orElse(false));
    }

    private static List<String> reasonsFor(String result) {
        return switch (result) {
            case "NOT_ELIGIBLE" -> List.of("ACTIVE_INFECTION");
            case "NEEDS_REVIEW" -> List.of("PAIN_UNDER_THREE_MONTHS");
            default -> List.of();
        };
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
