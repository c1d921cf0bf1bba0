package org.clinictracker.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every clinic event looks like on Kafka. The record key is {@link #subject()} (the patient id),
 * so one patient's events keep their order; consumers apply each {@link #id()} once.
 *
 * @param id         unique per event, the consumers' idempotency key
 * @param type       what happened, in the past tense, e.g. {@code PatientRegistered}
 * @param occurredAt when it happened in the producing service
 * @param subject    the patient the event is about
 * @param data       the type's payload: the minimum a consumer needs, never addresses, insurance or notes
 */
public record EventEnvelope<T>(UUID id, String type, Instant occurredAt, UUID subject, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    public static <T extends ClinicEvent> EventEnvelope<T> of(UUID subject, T data, Instant occurredAt) {
        return new EventEnvelope<>(UUID.randomUUID(), data.getClass().getSimpleName(), occurredAt, subject, data);
    }
}
