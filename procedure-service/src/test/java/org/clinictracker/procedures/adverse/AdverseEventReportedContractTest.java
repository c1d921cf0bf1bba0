package org.clinictracker.procedures.adverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.procedures.AdverseEventReported;
import org.clinictracker.platform.inbox.EventEnvelopeReader;
import org.clinictracker.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code AdverseEventReported} gained {@code source} and {@code observationId}: what consumers read from events
 * published before and after, and that both shapes match the schema.
 */
class AdverseEventReportedContractTest {

    private static final UUID PATIENT = UUID.randomUUID();

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventEnvelopeReader reader = new EventEnvelopeReader(json, List.of(AdverseEventReported.class));

    @Test
    void an_event_published_before_it_named_its_source_reads_as_a_proceduralists() {
        String before = """
                {"id":"%s","type":"AdverseEventReported","occurredAt":"2026-11-01T09:00:00Z","subject":"%s",
                 "data":{"adverseEventId":"%s","procedureId":"%s","patientId":"%s","type":"BRUISING","severity":"MILD",
                         "serious":false,"onsetOn":"2026-11-01","outcome":"ONGOING","version":0}}"""
                .formatted(UUID.randomUUID(), PATIENT, UUID.randomUUID(), UUID.randomUUID(), PATIENT);
        EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventReported", before);

        AdverseEventReported read = (AdverseEventReported) reader.read(before).data();

        assertThat(read.source()).isEqualTo("PROCEDURALIST");
        assertThat(read.observationId()).isNull();
    }

    @Test
    void a_complication_noticed_at_follow_up_carries_its_source_and_observation() {
        UUID observationId = UUID.randomUUID();
        AdverseEventReported noticed = new AdverseEventReported(UUID.randomUUID(), UUID.randomUUID(), PATIENT,
                "NEUROMA", "MODERATE", true, LocalDate.of(2026, 11, 20), "ONGOING", null, 0, "FOLLOW_UP", observationId);
        String value = json.writeValueAsString(EventEnvelope.of(PATIENT, noticed, Instant.now()));
        EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventReported", value);

        assertThat(reader.read(value).data()).isEqualTo(noticed);
    }

    @Test
    void the_constructor_of_before_still_makes_a_proceduralists_report() {
        AdverseEventReported reported = new AdverseEventReported(UUID.randomUUID(), UUID.randomUUID(), PATIENT,
                "BRUISING", "MILD", false, LocalDate.of(2026, 11, 20), "ONGOING", null, 0);
        String value = json.writeValueAsString(EventEnvelope.of(PATIENT, reported, Instant.now()));
        EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventReported", value);

        assertThat(reported.source()).isEqualTo("PROCEDURALIST");
        assertThat(reader.read(value).data()).isEqualTo(reported);
    }
}
