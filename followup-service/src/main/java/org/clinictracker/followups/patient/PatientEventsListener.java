package org.clinictracker.followups.patient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link KnownPatients} up to date from {@code clinic.patients.v1}: registrations and chart
 * corrections; screenings and consents are not this service's business and are only claimed. Logs carry
 * event ids and types, never patient data.
 */
@Component
class PatientEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PatientEventsListener.class);

    private final PatientEventReader reader;
    private final KnownPatients patients;

    PatientEventsListener(JsonMapper json, KnownPatients patients) {
        this.reader = new PatientEventReader(json);
        this.patients = patients;
    }

    @KafkaListener(topics = Topics.PATIENTS, groupId = "${spring.kafka.consumer.group-id}",
            containerFactory = PatientEventsConsumerConfig.CONTAINER_FACTORY)
    public void onPatientEvent(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event = reader.read(record.value());
        boolean firstTime;
        if (event.data() instanceof PatientRegistered registered) {
            firstTime = patients.registered(event.id(), registered);
        } else if (event.data() instanceof PatientUpdated updated) {
            firstTime = patients.updated(event.id(), updated);
        } else {
            firstTime = patients.skipped(event.id(), event.type());
        }
        if (!firstTime) {
            log.debug("Event {} ({}) was applied before; ignored", event.id(), event.type());
        }
    }
}
