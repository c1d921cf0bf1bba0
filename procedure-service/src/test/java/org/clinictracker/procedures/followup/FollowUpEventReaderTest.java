package org.clinictracker.procedures.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.procedures.followup.FollowUpEventReader.FollowUpMessage;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What counts as a complication noticed at a follow-up visit and what is poison, without a broker. */
class FollowUpEventReaderTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID OBSERVATION = UUID.randomUUID();
    private static final UUID VISIT = UUID.randomUUID();
    private static final UUID PROCEDURE = UUID.randomUUID();
    private static final String OBSERVED = """
            {"id":"%s","type":"AdverseEventObserved","occurredAt":"2026-11-20T10:15:30Z","subject":"%s",
             "data":{"observationId":"%s","visitId":"%s","procedureId":"%s","patientId":"%s",
                     "type":"PROLONGED_NUMBNESS","description":null,"severity":"MODERATE","serious":false,
                     "onsetOn":"2026-11-18","outcome":"RESOLVED","resolvedOn":"2026-11-19"}}"""
            .formatted(EVENT, PATIENT, OBSERVATION, VISIT, PROCEDURE, PATIENT);
    private static final String PLAN_CREATED = """
            {"id":"%s","type":"FollowUpPlanCreated","occurredAt":"2026-11-20T10:15:30Z","subject":"%s",
             "data":{"patientId":"%s","planId":"%s"}}""".formatted(EVENT, PATIENT, PATIENT, UUID.randomUUID());

    private final JsonMapper json = JsonMapper.builder().build();
    private final FollowUpEventReader reader = new FollowUpEventReader(json);

    @Test
    void an_observed_complication_reads_as_the_records_report() {
        FollowUpMessage message = reader.read(OBSERVED);

        assertThat(message.eventId()).isEqualTo(EVENT);
        assertThat(message.type()).isEqualTo("AdverseEventObserved");
        NoticedAdverseEvent noticed = message.noticed();
        assertThat(noticed.observationId()).isEqualTo(OBSERVATION);
        assertThat(noticed.visitId()).isEqualTo(VISIT);
        assertThat(noticed.procedureId()).isEqualTo(PROCEDURE);
        assertThat(noticed.patientId()).isEqualTo(PATIENT);
        assertThat(noticed.report().type()).isEqualTo(AdverseEventType.PROLONGED_NUMBNESS);
        assertThat(noticed.report().severity()).isEqualTo(Severity.MODERATE);
        assertThat(noticed.report().serious()).isFalse();
        assertThat(noticed.report().onsetOn()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(noticed.report().outcome()).isEqualTo(AdverseEventOutcome.RESOLVED);
        assertThat(noticed.report().resolvedOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(noticed.report().description()).isNull();
        assertThat(noticed.report().notes()).as("events carry no notes").isNull();
    }

    @Test
    void an_other_complication_keeps_its_description_and_a_blank_one_is_none() {
        assertThat(reader.read(mutated(OBSERVED, e -> data(e).put("type", "OTHER").put("description", "Allodynia")))
                .noticed().report().description()).isEqualTo("Allodynia");
        assertThat(reader.read(mutated(OBSERVED, e -> data(e).put("description", "  "))).noticed().report()
                .description()).isNull();
        assertThat(reader.read(mutated(OBSERVED, e -> data(e).remove("resolvedOn"))).noticed().report()
                .resolvedOn()).isNull();
    }

    @Test
    void a_serious_flag_is_kept() {
        assertThat(reader.read(mutated(OBSERVED, e -> data(e).put("serious", true))).noticed().report().serious())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "FollowUpPlanCreated", "FollowUpCompleted", "FollowUpMissed", "RepeatTreatmentRecommended",
            "RepeatTreatmentResolved", "FollowUpPlanArchived" })
    void the_topics_other_events_come_back_without_a_complication_to_be_skipped(String type) {
        FollowUpMessage message = reader.read(mutated(PLAN_CREATED, e -> e.put("type", type)));

        assertThat(message.eventId()).isEqualTo(EVENT);
        assertThat(message.type()).isEqualTo(type);
        assertThat(message.noticed()).isNull();
    }

    @Test
    void the_envelope_is_checked_by_the_platforms_reader() {
        assertMalformed(OBSERVED + " trailing", "Not JSON");
        assertMalformed(mutated(OBSERVED, e -> e.put("subject", UUID.randomUUID().toString())),
                "subject differs from data.patientId");
        assertMalformed(mutated(OBSERVED, e -> data(e).remove("patientId")), "data.patientId is missing");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("serious", "yes")), "data.serious");
        assertMalformed(mutated(OBSERVED, e -> data(e).remove("serious")), "data.serious");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("onsetOn", "2026-02-30")), "data.onsetOn");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("visitId", "visit 3")), "data.visitId");
    }

    @ParameterizedTest
    @ValueSource(strings = { "observationId", "visitId", "procedureId", "onsetOn", "type", "severity", "outcome" })
    void an_observation_without_what_the_record_needs_is_malformed(String field) {
        assertMalformed(mutated(OBSERVED, e -> data(e).remove(field)), "data." + field + " is missing");
        assertMalformed(mutated(OBSERVED, e -> data(e).putNull(field)), "data." + field + " is missing");
    }

    @Test
    void codes_outside_the_adverse_event_vocabulary_are_malformed() {
        assertMalformed(mutated(OBSERVED, e -> data(e).put("type", "HEADACHE")), "data.type is not a code");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("type", "bruising")), "data.type is not a code");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("severity", "LIFE_THREATENING")), "data.severity");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("outcome", "FATAL")), "data.outcome");
    }

    @Test
    void a_description_the_record_cannot_hold_is_malformed() {
        assertThat(reader.read(mutated(OBSERVED, e -> data(e).put("description", "d".repeat(200)))).noticed())
                .isNotNull();
        assertMalformed(mutated(OBSERVED, e -> data(e).put("description", "d".repeat(201))),
                "data.description is longer than 200");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("description", "Silva\nsaid it hurts")),
                "data.description must be a single line");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("description", "a\u0000b")), "data.description");
        assertMalformed(mutated(OBSERVED, e -> data(e).put("description", "abc\u202Edef")), "data.description");
    }

    private void assertMalformed(String value, String naming) {
        assertThatThrownBy(() -> reader.read(value)).isExactlyInstanceOf(MalformedEvent.class)
                .hasMessageContaining(naming)
                // the message ends up in logs and headers: it names fields, never patient data
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Silva", "2026-11-18", "HEADACHE"));
    }

    private String mutated(String event, Consumer<ObjectNode> change) {
        ObjectNode tree = (ObjectNode) json.readTree(event);
        change.accept(tree);
        return json.writeValueAsString(tree);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
