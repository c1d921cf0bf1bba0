package org.clinictracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinictracker.events.Topics;
import org.junit.jupiter.api.Test;

/** The schema checks every producer and consumer test relies on must be able to fail. */
class EventSchemasTest {

    static final String REGISTERED = """
            {"id":"8b0f3c1e-0f5e-4a8e-9d55-1c2b3a4d5e6f","type":"PatientRegistered",
             "occurredAt":"2026-11-20T10:00:00Z","subject":"1f6b2c9e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
             "data":{"patientId":"1f6b2c9e-7a3d-4e5f-8a9b-0c1d2e3f4a5b","mrn":"CT-000042-2",
                     "displayName":"Silva, Maria","birthDate":"1958-03-02","sex":"FEMALE",
                     "indicationCode":"KNEE_OSTEOARTHRITIS","version":0}}""";

    @Test
    void a_well_formed_registration_conforms() {
        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientRegistered", REGISTERED)).isEmpty();
    }

    @Test
    void an_address_leaking_into_an_event_is_a_violation() {
        String leaking = REGISTERED.replace("\"version\":0", "\"version\":0,\"address\":{\"city\":\"Porto\"}");

        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientRegistered", leaking)).isNotEmpty();
    }

    @Test
    void wrong_types_formats_and_missing_fields_are_violations() {
        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientRegistered",
                REGISTERED.replace("\"birthDate\":\"1958-03-02\"", "\"birthDate\":\"02/03/1958\""))).isNotEmpty();
        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientRegistered",
                REGISTERED.replace("\"sex\":\"FEMALE\"", "\"sex\":\"F\""))).isNotEmpty();
        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientRegistered",
                REGISTERED.replace("\"subject\":\"1f6b2c9e-7a3d-4e5f-8a9b-0c1d2e3f4a5b\",", ""))).isNotEmpty();
        assertThat(EventSchemas.violations(Topics.PATIENTS, "PatientUpdated", REGISTERED)).isNotEmpty();
    }

    @Test
    void asserting_on_a_non_conforming_event_fails_the_test() {
        assertThatThrownBy(() -> EventSchemas.assertConforms(Topics.PATIENTS, "PatientScreened", REGISTERED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PatientScreened does not match its schema");
    }
}
