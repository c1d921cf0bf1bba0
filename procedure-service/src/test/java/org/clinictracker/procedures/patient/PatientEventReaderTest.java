package org.clinictracker.procedures.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What counts as a patient event and what is poison, without a broker. */
class PatientEventReaderTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final String REGISTERED = """
            {"id":"%s","type":"PatientRegistered","occurredAt":"2025-03-01T10:15:30.123456Z","subject":"%s",
             "data":{"patientId":"%s","mrn":"CT-000123-4","displayName":"Silva, Maria","birthDate":"1958-03-02",
                     "sex":"FEMALE","indicationCode":"KNEE_OSTEOARTHRITIS","version":0}}"""
            .formatted(UUID.randomUUID(), PATIENT, PATIENT);
    private static final String SCREENED = """
            {"id":"%s","type":"PatientScreened","occurredAt":"2025-03-01T10:15:30Z","subject":"%s",
             "data":{"patientId":"%s","screeningId":"%s","result":"NOT_ELIGIBLE","reasonCodes":["ACTIVE_INFECTION"],
                     "overrideResult":"ELIGIBLE","effectiveResult":"ELIGIBLE","screenedAt":"2025-03-01T10:00:00Z",
                     "modalities":[
                       {"modality":"CRYONEUROLYSIS","result":"NOT_ELIGIBLE","reasonCodes":["ACTIVE_INFECTION"],
                        "overrideResult":"ELIGIBLE","effectiveResult":"ELIGIBLE"},
                       {"modality":"NERVE_BLOCK","result":"ELIGIBLE","reasonCodes":[],"effectiveResult":"ELIGIBLE"}]}}"""
            .formatted(UUID.randomUUID(), PATIENT, PATIENT, UUID.randomUUID());
    private static final String CONSENTED = """
            {"id":"%s","type":"ConsentRecorded","occurredAt":"2025-03-01T10:15:30Z","subject":"%s",
             "data":{"patientId":"%s","consentId":"%s","procedure":"CRYONEUROLYSIS","signedOn":"2025-03-01"}}"""
            .formatted(UUID.randomUUID(), PATIENT, PATIENT, UUID.randomUUID());

    private final JsonMapper json = JsonMapper.builder().build();
    private final PatientEventReader reader = new PatientEventReader(json);

    @Test
    void readsTheTypesThisServiceUses() {
        EventEnvelope<?> registered = reader.read(REGISTERED);
        assertThat(registered.subject()).isEqualTo(PATIENT);
        assertThat(registered.occurredAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
        assertThat(registered.data()).isInstanceOfSatisfying(PatientRegistered.class,
                data -> assertThat(data.displayName()).isEqualTo("Silva, Maria"));

        assertThat(reader.read(SCREENED).data()).isInstanceOfSatisfying(PatientScreened.class, data -> {
            assertThat(data.effectiveResult()).isEqualTo("ELIGIBLE");
            assertThat(data.modalities()).extracting(PatientScreened.ModalityScreening::modality)
                    .containsExactly("CRYONEUROLYSIS", "NERVE_BLOCK");
        });
        assertThat(reader.read(CONSENTED).data()).isInstanceOfSatisfying(ConsentRecorded.class,
                data -> assertThat(data.procedure()).isEqualTo("CRYONEUROLYSIS"));
    }

    @Test
    void readsAScreeningPublishedBeforeScreeningsFollowedTheModality() {
        assertThat(reader.read(mutated(SCREENED, event -> data(event).remove("modalities"))).data())
                .isInstanceOfSatisfying(PatientScreened.class, data -> assertThat(data.modalities()).isNull());
    }

    @Test
    void otherTypesComeBackRawToBeSkipped() {
        assertThat(reader.read(mutated(REGISTERED, event -> event.put("type", "PatientMerged"))).data())
                .isInstanceOf(JsonNode.class);
        assertThat(reader.read(mutated(REGISTERED, event -> event.put("type", "PatientMerged"))).type())
                .isEqualTo("PatientMerged");
    }

    @Test
    void theEnvelopeIsCheckedByThePlatformsReader() {
        // every envelope fault is in platform's EventEnvelopeReaderTest; these prove this reader goes through it
        assertMalformed(REGISTERED + " trailing", "Not JSON");
        assertMalformed(mutated(SCREENED, event -> event.put("subject", UUID.randomUUID().toString())),
                "subject differs from data.patientId");
        assertMalformed(mutated(CONSENTED, event -> data(event).remove("patientId")), "data.patientId is missing");
    }

    @Test
    void rejectsARegistrationWithoutWhatTheReplicaNeeds() {
        assertMalformed(mutated(REGISTERED, event -> data(event).remove("mrn")), "data.mrn");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("mrn", "C".repeat(41))),
                "data.mrn is longer than 40");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("displayName", " ")), "data.displayName");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("displayName", "S".repeat(251))),
                "data.displayName is longer than 250");
        assertMalformed(mutated(REGISTERED, event -> data(event).remove("sex")), "data.sex");
        assertMalformed(mutated(REGISTERED, event -> data(event).remove("birthDate")), "data.birthDate");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("birthDate", "1958-13-40")), "data.birthDate");
        assertMalformed(mutated(REGISTERED, event -> data(event).remove("version")), "data.version");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("version", "1")), "data.version");
        assertMalformed(mutated(REGISTERED, event -> data(event).put("version", -1)), "data.version");
    }

    @Test
    void rejectsAScreeningThatContradictsItself() {
        assertMalformed(mutated(SCREENED, event -> data(event).put("result", "MAYBE")), "data.result");
        assertMalformed(mutated(SCREENED, event -> data(event).put("effectiveResult", "NOT_ELIGIBLE")),
                "data.effectiveResult");
        assertMalformed(mutated(SCREENED, event -> data(event).remove("screenedAt")), "data.screenedAt");
        assertMalformed(mutated(SCREENED, event -> data(event).remove("reasonCodes")), "data.reasonCodes");
    }

    @Test
    void rejectsAModalityVerdictThatContradictsItselfOrIsUnknown() {
        assertMalformed(mutated(SCREENED, event -> modality(event, 0).put("effectiveResult", "NOT_ELIGIBLE")),
                "data.modalities.effectiveResult");
        assertMalformed(mutated(SCREENED, event -> modality(event, 1).put("modality", "CRYOTHERAPY")),
                "data.modalities.modality");
        assertMalformed(mutated(SCREENED, event -> modality(event, 1).put("modality", "CRYONEUROLYSIS")),
                "data.modalities names a modality twice");
        assertMalformed(mutated(SCREENED, event -> modality(event, 1).remove("result")), "data.modalities.result");
        assertMalformed(mutated(SCREENED, event -> modality(event, 1).remove("reasonCodes")),
                "data.modalities.reasonCodes");
    }

    @Test
    void rejectsAConsentWithoutAKnownModalityOrDate() {
        assertMalformed(mutated(CONSENTED, event -> data(event).put("procedure", "SURGERY")), "data.procedure");
        assertMalformed(mutated(CONSENTED, event -> data(event).remove("procedure")), "data.procedure");
        assertMalformed(mutated(CONSENTED, event -> data(event).remove("signedOn")), "data.signedOn");
        assertMalformed(mutated(CONSENTED, event -> data(event).remove("consentId")), "data.consentId");
    }

    private static ObjectNode modality(ObjectNode event, int index) {
        return (ObjectNode) data(event).get("modalities").get(index);
    }

    private void assertMalformed(String value, String naming) {
        assertThatThrownBy(() -> reader.read(value)).isExactlyInstanceOf(MalformedEvent.class)
                .hasMessageContaining(naming)
                // the message ends up in logs and headers: it names fields, never patient data
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Silva", "1958", "CT-000123-4"));
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
