package org.clinictracker.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What any consumer takes for an event and what it parks as poison, without a broker. */
class EventEnvelopeReaderTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final String REGISTERED = """
            {"id":"%s","type":"PatientRegistered","occurredAt":"2025-03-01T10:15:30.123456Z","subject":"%s",
             "data":{"patientId":"%s","mrn":"CT-000123-4","displayName":"Silva, Maria","birthDate":"1958-03-02",
                     "sex":"FEMALE","indicationCode":"KNEE_OSTEOARTHRITIS","version":0}}"""
            .formatted(UUID.randomUUID(), PATIENT, PATIENT);
    private static final String RECORDED = """
            {"id":"%s","type":"ProcedureRecorded","occurredAt":"2025-03-01T10:15:30+01:00","subject":"%s",
             "data":{"procedureId":"%s","patientId":"%s","performedAt":"2025-03-01T09:00:00Z",
                     "modality":"CRYONEUROLYSIS","indicationCode":"KNEE_OSTEOARTHRITIS",
                     "targets":[{"nerve":"GENICULAR_SUPEROMEDIAL","laterality":"LEFT","level":null}],
                     "painBefore":7,"treatmentNumber":1,"previousProcedureId":null,"earlyRepeat":false,"version":0}}"""
            .formatted(UUID.randomUUID(), PATIENT, UUID.randomUUID(), PATIENT);

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventEnvelopeReader reader = new EventEnvelopeReader(json,
            List.of(PatientRegistered.class, ProcedureRecorded.class));

    @Test
    void readsTheEnvelopeAndTheTypedPayload() {
        EventEnvelope<?> registered = reader.read(REGISTERED);
        assertThat(registered.type()).isEqualTo("PatientRegistered");
        assertThat(registered.subject()).isEqualTo(PATIENT);
        assertThat(registered.occurredAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
        assertThat(registered.data()).isInstanceOfSatisfying(PatientRegistered.class,
                data -> assertThat(data.displayName()).isEqualTo("Silva, Maria"));

        EventEnvelope<?> recorded = reader.read(RECORDED);
        assertThat(recorded.occurredAt()).isEqualTo(Instant.parse("2025-03-01T09:15:30Z"));
        assertThat(recorded.data()).isInstanceOfSatisfying(ProcedureRecorded.class, data -> {
            assertThat(data.treatmentNumber()).isEqualTo(1);
            assertThat(data.targets()).singleElement().satisfies(t -> assertThat(t.laterality()).isEqualTo("LEFT"));
        });
    }

    @Test
    void fieldsAddedToTheContractLaterAreIgnored() {
        assertThat(reader.read(mutated(REGISTERED, event -> data(event).put("preferredName", "Mia"))).data())
                .isInstanceOf(PatientRegistered.class);
        assertThat(reader.read(mutated(REGISTERED, event -> event.put("traceId", "abc"))).data())
                .isInstanceOf(PatientRegistered.class);
    }

    @Test
    void typesTheConsumerDoesNotReadComeBackRawToBeSkipped() {
        EventEnvelope<?> merged = reader.read(mutated(REGISTERED, event -> {
            event.put("type", "PatientMerged");
            data(event).removeAll().put("into", UUID.randomUUID().toString());
        }));
        assertThat(merged.type()).isEqualTo("PatientMerged");
        assertThat(merged.data()).isInstanceOfSatisfying(JsonNode.class,
                data -> assertThat(data.has("into")).isTrue());
    }

    @Test
    void rejectsWhatIsNotJsonOrNotAnObject() {
        assertMalformed(null, "no value");
        assertMalformed("", "Not a JSON object");
        assertMalformed("Silva, Maria born 1958-03-02 {", "Not JSON");
        assertMalformed(REGISTERED.substring(0, REGISTERED.length() - 20), "Not JSON");
        assertMalformed(REGISTERED + " trailing", "Not JSON");
        assertMalformed(REGISTERED + " {}", "Not JSON");
        assertMalformed("[]", "Not a JSON object");
        assertMalformed("\"Silva, Maria\"", "Not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "type", "occurredAt", "subject" })
    void rejectsAMissingBlankOrIllTypedEnvelopeField(String field) {
        assertMalformed(mutated(REGISTERED, event -> event.remove(field)), "Envelope " + field + " is missing");
        assertMalformed(mutated(REGISTERED, event -> event.putNull(field)), "Envelope " + field + " is missing");
        assertMalformed(mutated(REGISTERED, event -> event.put(field, " ")), "Envelope " + field + " is missing");
        assertMalformed(mutated(REGISTERED, event -> event.put(field, 42)), "Envelope " + field + " is missing");
        assertMalformed(mutated(REGISTERED, event -> event.putObject(field)), "Envelope " + field + " is missing");
    }

    @Test
    void rejectsAnIdOrSubjectThatIsNoUuidAndAnOccurredAtWithoutOffset() {
        assertMalformed(mutated(REGISTERED, event -> event.put("id", "42")), "Envelope id is not a UUID");
        assertMalformed(mutated(REGISTERED, event -> event.put("subject", "CT-000123-4")),
                "Envelope subject is not a UUID");
        assertMalformed(mutated(REGISTERED, event -> event.put("occurredAt", "yesterday")),
                "Envelope occurredAt is not a date-time");
        assertMalformed(mutated(REGISTERED, event -> event.put("occurredAt", "2025-03-01T10:15:30")),
                "Envelope occurredAt is not a date-time");
    }

    @Test
    void rejectsAMissingOrNonObjectData() {
        assertMalformed(mutated(REGISTERED, event -> event.remove("data")), "PatientRegistered has no data object");
        assertMalformed(mutated(REGISTERED, event -> event.putNull("data")), "has no data object");
        assertMalformed(mutated(REGISTERED, event -> event.put("data", "Silva, Maria")), "has no data object");
        assertMalformed(mutated(REGISTERED, event -> event.putArray("data")), "has no data object");
        // also for a type the consumer would skip: a skipped event must still be an event
        assertMalformed(mutated(REGISTERED, event -> {
            event.put("type", "PatientMerged");
            event.remove("data");
        }), "PatientMerged has no data object");
    }

    @Test
    void rejectsASubjectOtherThanThePayloadsPatient() {
        assertMalformed(mutated(REGISTERED, event -> event.put("subject", UUID.randomUUID().toString())),
                "PatientRegistered subject differs from data.patientId");
        assertMalformed(mutated(RECORDED, event -> data(event).put("patientId", UUID.randomUUID().toString())),
                "ProcedureRecorded subject differs from data.patientId");
        assertMalformed(mutated(REGISTERED, event -> data(event).remove("patientId")),
                "PatientRegistered data.patientId is missing");
    }

    @Test
    void rejectsAPayloadFieldOfTheWrongTypeNamingTheField() {
        assertMalformed(mutated(REGISTERED, event -> data(event).put("birthDate", "1958-13-40")),
                "PatientRegistered data.birthDate has an invalid value");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("patientId", "Silva")),
                "PatientRegistered data.patientId has an invalid value");
        assertMalformed(mutated(RECORDED, event -> data(event).put("targets", "GENICULAR")),
                "ProcedureRecorded data.targets has an invalid value");
    }

    @Test
    void aPrimitiveFieldMustBeThereWithItsJsonTypeNotGuessed() {
        // Jackson would read these as 0, false or a rounded number: a version or a treatment number is not guessed
        assertMalformed(mutated(REGISTERED, event -> data(event).remove("version")), "data.version is missing");
        assertMalformed(mutated(REGISTERED, event -> data(event).putNull("version")), "data.version");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("version", "1")), "data.version");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("version", 1.5)), "data.version");
        assertMalformed(mutated(RECORDED, event -> data(event).put("treatmentNumber", 2.0)), "data.treatmentNumber");
        assertMalformed(mutated(RECORDED, event -> data(event).remove("earlyRepeat")), "data.earlyRepeat");
        assertMalformed(mutated(RECORDED, event -> data(event).put("earlyRepeat", "false")), "data.earlyRepeat");
        assertMalformed(mutated(RECORDED, event -> data(event).put("earlyRepeat", 0)), "data.earlyRepeat");
        // a boxed field may be absent: null says "not recorded"
        assertThat(reader.read(mutated(RECORDED, event -> data(event).remove("painBefore"))).data())
                .isInstanceOfSatisfying(ProcedureRecorded.class, data -> assertThat(data.painBefore()).isNull());
    }

    private void assertMalformed(String value, String naming) {
        assertThatThrownBy(() -> reader.read(value)).isExactlyInstanceOf(MalformedEvent.class)
                .hasMessageContaining(naming)
                // the message ends up in logs and dead-letter headers: it names fields, never patient data
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Silva", "1958", "CT-000123-4",
                        PATIENT.toString(), "GENICULAR"));
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
