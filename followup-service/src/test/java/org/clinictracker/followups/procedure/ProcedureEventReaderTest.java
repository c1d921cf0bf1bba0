package org.clinictracker.followups.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Consumer;

import org.clinictracker.events.procedures.AdverseEventReported;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What counts as a procedure event a plan may be made from, and what is poison, without a broker. */
class ProcedureEventReaderTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final String RECORDED = """
            {"id":"%s","type":"ProcedureRecorded","occurredAt":"2026-11-02T10:15:30Z","subject":"%s",
             "data":{"procedureId":"%s","patientId":"%s","performedAt":"2026-11-02T09:00:00Z","modality":"CRYONEUROLYSIS",
                     "indicationCode":"KNEE_OSTEOARTHRITIS","targets":[{"nerve":"SUPEROMEDIAL_GENICULAR","laterality":"RIGHT"}],
                     "painBefore":8,"treatmentNumber":1,"previousProcedureId":null,"earlyRepeat":false,"version":0}}"""
            .formatted(UUID.randomUUID(), PATIENT, UUID.randomUUID(), PATIENT);
    private static final String REPORTED = """
            {"id":"%s","type":"AdverseEventReported","occurredAt":"2026-11-02T10:15:30Z","subject":"%s",
             "data":{"adverseEventId":"%s","procedureId":"%s","patientId":"%s","type":"MOTOR_WEAKNESS","severity":"SEVERE",
                     "serious":true,"onsetOn":"2026-11-01","outcome":"ONGOING","resolvedOn":null,"version":0}}"""
            .formatted(UUID.randomUUID(), PATIENT, UUID.randomUUID(), UUID.randomUUID(), PATIENT);

    private final JsonMapper json = JsonMapper.builder().build();
    private final ProcedureEventReader reader = new ProcedureEventReader(json);

    @Test
    void readsProceduresAndComplications() {
        assertThat(reader.read(RECORDED).data()).isInstanceOfSatisfying(ProcedureRecorded.class, data -> {
            assertThat(data.modality()).isEqualTo("CRYONEUROLYSIS");
            assertThat(data.targets()).singleElement().satisfies(t -> assertThat(t.level()).isNull());
        });
        assertThat(reader.read(REPORTED).data()).isInstanceOfSatisfying(AdverseEventReported.class,
                data -> assertThat(data.serious()).isTrue());
    }

    @Test
    void otherTypesComeBackRawToBeSkipped() {
        assertThat(reader.read(mutated(RECORDED, e -> e.put("type", "ProcedureVoided"))).data())
                .isInstanceOf(JsonNode.class);
    }

    @Test
    void aProcedureAPlanCannotSafelyBeMadeFromIsPoison() {
        assertMalformed(mutated(RECORDED, e -> data(e).put("modality", "ACUPUNCTURE")), "data.modality");
        assertMalformed(mutated(RECORDED, e -> data(e).putNull("performedAt")), "data.performedAt");
        assertMalformed(mutated(RECORDED, e -> data(e).putArray("targets")), "data.targets");
        assertMalformed(mutated(RECORDED, e -> ((ObjectNode) data(e).get("targets").get(0)).put("laterality", "UP")),
                "data.targets.laterality");
        assertMalformed(mutated(RECORDED, e -> ((ObjectNode) data(e).get("targets").get(0)).remove("nerve")),
                "data.targets.nerve");
        assertMalformed(mutated(RECORDED, e -> data(e).put("painBefore", 11)), "data.painBefore");
        assertMalformed(mutated(RECORDED, e -> data(e).put("painBefore", -1)), "data.painBefore");
        assertMalformed(mutated(RECORDED, e -> data(e).put("treatmentNumber", 0)), "data.treatmentNumber");
        assertMalformed(mutated(RECORDED, e -> data(e).put("version", -1)), "data.version");
        assertMalformed(mutated(RECORDED, e -> data(e).remove("version")), "data.version");
        assertMalformed(mutated(RECORDED, e -> data(e).put("previousProcedureId", data(e).get("procedureId").stringValue())),
                "data.previousProcedureId");
    }

    @Test
    void theScaleEndsAreReadAsGiven() {
        assertThat(reader.read(mutated(RECORDED, e -> data(e).put("painBefore", 0))).data()).isNotNull();
        assertThat(reader.read(mutated(RECORDED, e -> data(e).put("painBefore", 10))).data()).isNotNull();
        assertThat(reader.read(mutated(RECORDED, e -> data(e).putNull("painBefore"))).data()).isNotNull();
    }

    @Test
    void aComplicationOutsideTheVocabularyIsPoison() {
        assertMalformed(mutated(REPORTED, e -> data(e).put("type", "HEADACHE")), "data.type");
        assertMalformed(mutated(REPORTED, e -> data(e).put("severity", "CATASTROPHIC")), "data.severity");
        assertMalformed(mutated(REPORTED, e -> data(e).put("outcome", "FINE")), "data.outcome");
        assertMalformed(mutated(REPORTED, e -> data(e).putNull("onsetOn")), "data.onsetOn");
        assertMalformed(mutated(REPORTED, e -> data(e).remove("serious")), "data.serious");
    }

    @Test
    void aSubjectThatIsNotThePatientIsPoison() {
        assertMalformed(mutated(RECORDED, e -> e.put("subject", UUID.randomUUID().toString())), "subject");
    }

    private void assertMalformed(String value, String field) {
        assertThatThrownBy(() -> reader.read(value)).isInstanceOf(MalformedEvent.class).hasMessageContaining(field);
    }

    private String mutated(String value, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) json.readTree(value);
        change.accept(event);
        return json.writeValueAsString(event);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
