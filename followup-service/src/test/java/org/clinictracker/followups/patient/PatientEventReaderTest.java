package org.clinictracker.followups.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the patient replica accepts, without a broker. */
class PatientEventReaderTest {

    private static final UUID PATIENT = UUID.randomUUID();
    private static final String REGISTERED = """
            {"id":"%s","type":"PatientRegistered","occurredAt":"2026-11-02T10:15:30Z","subject":"%s",
             "data":{"patientId":"%s","mrn":"CT-000123-4","displayName":"Silva, Maria","birthDate":"1958-03-02",
                     "sex":"FEMALE","indicationCode":"KNEE_OSTEOARTHRITIS","version":0,"baselinePainScore":7,
                     "opioidMmePerDay":45.5,"givenName":"Maria","email":"maria.silva@example.org"}}"""
            .formatted(UUID.randomUUID(), PATIENT, PATIENT);

    private final JsonMapper json = JsonMapper.builder().build();
    private final PatientEventReader reader = new PatientEventReader(json);

    @Test
    void readsARegistrationWithOrWithoutABaseline() {
        assertThat(reader.read(REGISTERED).data()).isInstanceOfSatisfying(PatientRegistered.class,
                data -> assertThat(data.baselinePainScore()).isEqualTo(7));
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).remove("baselinePainScore"))).data())
                .isInstanceOfSatisfying(PatientRegistered.class, data -> assertThat(data.baselinePainScore()).isNull());
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).put("baselinePainScore", 0))).data()).isNotNull();
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).put("baselinePainScore", 10))).data()).isNotNull();
    }

    @Test
    void readsTheOpioidUseAtIntakeAndNoneFromAnEventOlderThanIt() {
        assertThat(reader.read(REGISTERED).data()).isInstanceOfSatisfying(PatientRegistered.class,
                data -> assertThat(data.opioidMmePerDay()).isEqualByComparingTo("45.5"));
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).remove("opioidMmePerDay"))).data())
                .isInstanceOfSatisfying(PatientRegistered.class, data -> assertThat(data.opioidMmePerDay()).isNull());
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).putNull("opioidMmePerDay"))).data())
                .isInstanceOfSatisfying(PatientRegistered.class, data -> assertThat(data.opioidMmePerDay()).isNull());
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).put("opioidMmePerDay", BigDecimal.ZERO))).data())
                .isInstanceOfSatisfying(PatientRegistered.class,
                        data -> assertThat(data.opioidMmePerDay()).isEqualByComparingTo("0"));
    }

    @Test
    void readsTheFirstNameAndEmailAndNoneFromAnEventOlderThanThem() {
        assertThat(reader.read(REGISTERED).data()).isInstanceOfSatisfying(PatientRegistered.class, data -> {
            assertThat(data.givenName()).isEqualTo("Maria");
            assertThat(data.email()).isEqualTo("maria.silva@example.org");
        });
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).remove(List.of("givenName", "email")))).data())
                .isInstanceOfSatisfying(PatientRegistered.class, data -> {
                    assertThat(data.givenName()).isNull();
                    assertThat(data.email()).isNull();
                });
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).putNull("email"))).data())
                .isInstanceOfSatisfying(PatientRegistered.class, data -> assertThat(data.email()).isNull());
        // the longest address patient-service accepts
        String longest = "a".repeat(64) + "@" + "b".repeat(185) + ".org";
        assertThat(reader.read(mutated(REGISTERED, e -> data(e).put("email", longest))).data())
                .isInstanceOfSatisfying(PatientRegistered.class, data -> assertThat(data.email()).isEqualTo(longest));
    }

    @Test
    void screeningsAndConsentsComeBackRaw() {
        assertThat(reader.read(mutated(REGISTERED, e -> e.put("type", "PatientScreened"))).data())
                .isInstanceOf(JsonNode.class);
    }

    @Test
    void aChartTheReplicaCannotKeepIsPoison() {
        assertMalformed(mutated(REGISTERED, e -> data(e).put("baselinePainScore", 11)), "data.baselinePainScore");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("baselinePainScore", -1)), "data.baselinePainScore");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("opioidMmePerDay", new BigDecimal("-0.5"))),
                "data.opioidMmePerDay");
        assertMalformed(mutated(REGISTERED, e -> e.put("type", "PatientUpdated").set("data",
                data(e).put("opioidMmePerDay", -30))), "data.opioidMmePerDay");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("mrn", " ")), "data.mrn");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("mrn", "M".repeat(41))), "data.mrn");
        assertMalformed(mutated(REGISTERED, e -> data(e).remove("displayName")), "data.displayName");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("version", -1)), "data.version");
        assertMalformed(mutated(REGISTERED, e -> e.put("type", "PatientUpdated").set("data",
                data(e).put("version", 1.5))), "data.version");
    }

    @Test
    void aFirstNameOrEmailTheReplicaCannotTrustIsPoison() {
        // the link to a patient's answers would go to an address that cannot be theirs
        assertMalformed(mutated(REGISTERED, e -> data(e).put("email", "maria.silva.example.org")), "data.email");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("email", "@example.org")), "data.email");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("email", "maria@")), "data.email");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("email", " ")), "data.email");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("email", "a".repeat(64) + "@" + "b".repeat(186) + ".org")),
                "data.email");
        assertMalformed(mutated(REGISTERED, e -> e.put("type", "PatientUpdated").set("data",
                data(e).put("email", "no-at-sign"))), "data.email");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("givenName", "")), "data.givenName");
        assertMalformed(mutated(REGISTERED, e -> data(e).put("givenName", "M".repeat(101))), "data.givenName");
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
