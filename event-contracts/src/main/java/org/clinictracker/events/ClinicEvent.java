package org.clinictracker.events;

import java.util.UUID;

/**
 * A payload that travels in an {@link EventEnvelope}. Its simple class name is the event type and
 * {@link #topic()} the topic it belongs to, so a producer cannot send it to the wrong place.
 */
public interface ClinicEvent {

    String topic();

    /** The patient the event is about: the envelope's {@link EventEnvelope#subject()} and record key. */
    UUID patientId();
}
