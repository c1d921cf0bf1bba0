package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.clinictracker.testsupport.TopicProbe;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher wires the parts together as {@code ./clinic up} does: each part answers on its own port, and a
 * chart registered through the gateway is stored by patient-service and published on the run's own broker.
 */
class ClinicSystemTests {

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void every_part_runs_from_its_jar_and_is_healthy() {
        for (ClinicService service : ClinicService.values()) {
            ServiceProcess process = clinic.service(service);
            assertThat(process.alive()).as("%s alive", service.module()).isTrue();
            assertThat(process.healthy()).as("%s healthy at %s", service.module(), process.baseUrl()).isTrue();
        }
        assertThat(clinic.kafka().pid()).isPresent();
    }

    @Test
    void a_chart_registered_through_the_gateway_is_published_on_the_runs_broker() {
        String familyName = "System" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        HttpAnswer registered = HttpAnswer.callWithJson("POST", clinic.baseUrl(ClinicService.GATEWAY) + "/api/patients",
                KeycloakTokens.accessTokenOfRole("front-desk"), """
                {"givenName":"Maria","familyName":"%s","birthDate":"1961-04-17","sex":"FEMALE",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"RIGHT","baselinePainScore":7}
                """.formatted(familyName));
        assertThat(registered.status()).as("registration answered %s", registered).isEqualTo(201);
        UUID patientId = UUID.fromString(registered.json().get("id").asString());
        String mrn = registered.json().get("mrn").asString();

        try (TopicProbe patients = TopicProbe.on(clinic.kafka().bootstrapServers(), "clinic.patients.v1")) {
            String event = patients.awaitRecord(patientId, value -> value.contains("PatientRegistered"), Duration.ofSeconds(30));
            assertThat(event).contains(mrn);
        }
    }
}
