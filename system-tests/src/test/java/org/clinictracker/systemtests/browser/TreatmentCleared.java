package org.clinictracker.systemtests.browser;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;

/**
 * Waits until procedure-service has heard (from Kafka) of a patient's screening and consent, so a proceduralist's
 * case is judged on its merits: a probe case with an impossible probe temperature is then refused for that alone
 * ({@code clinical-rule-violation}, nothing stored) instead of as a patient not known or not cleared.
 */
final class TreatmentCleared {

    private TreatmentCleared() {
    }

    static void await(String gatewayUrl, String patientId) {
        String probe = """
                {"patientId":"%s","performedAt":"2026-01-05T10:00:00Z","modality":"CRYONEUROLYSIS",
                 "targets":[{"nerve":"SUPEROMEDIAL_GENICULAR","laterality":"RIGHT"}],"imagingGuidance":"ULTRASOUND",
                 "cryo":{"probeTemperatureCelsius":25,"cycles":[{"seconds":60}]}}""".formatted(patientId);
        Awaitility.await("procedure-service knows the patient's screening and consent")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> HttpAnswer.callWithJson("POST", gatewayUrl + "/api/procedures",
                        KeycloakTokens.accessTokenOfRole("proceduralist"), probe).problemCode(),
                        code -> List.of("clinical-rule-violation").contains(code));
    }
}
