package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the proceduralist's screens need from the other roles, made through the API as they would make it: a
 * patient the front desk registered, screened (eligible) and consented for cryoneurolysis, and a cryoneurolysis of
 * the left superomedial genicular nerve the proceduralist recorded this morning. {@link #amend(String)} corrects it
 * as an amendment does, so the record has an earlier version to show.
 */
public final class CaseOnRecord {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Procedure-service hears of the screening and the consent through Kafka: seconds, on a busy machine more. */
    private static final Duration CLEARED_WITHIN = Duration.ofSeconds(60);

    private final String gatewayUrl;
    public final String givenName = "Astrid";
    public final String familyName = "Kjeldsen-" + letters(6);
    public final UUID patientId;
    public final String mrn;
    public final UUID procedureId;

    private CaseOnRecord(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
        LocalDate birthDate = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000));
        JsonNode patient = send("front-desk", "POST", "/api/patients", null, """
                {"givenName":"%s","familyName":"%s","birthDate":"%s","sex":"FEMALE","phone":"+45 20 55 01 00",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS","text":"left knee"},"painLocation":"left knee",
                 "laterality":"LEFT","painDurationMonths":30,"baselinePainScore":7}"""
                .formatted(givenName, familyName, birthDate), 201).json;
        patientId = UUID.fromString(patient.get("id").asString());
        mrn = patient.get("mrn").asString();
        send("front-desk", "POST", "/api/patients/" + patientId + "/screenings", null, """
                {"chronicPainMonths":30,"peripheralNerveDistribution":true,"refractoryToMedication":true,
                 "refractoryToPhysicalTherapy":true,"activeInfection":false,"coagulopathy":false,
                 "severePeripheralVascularDisease":false,"coldIntolerance":false,"anticoagulated":false,
                 "plannedModality":"CRYONEUROLYSIS"}""", 201);
        send("front-desk", "POST", "/api/patients/" + patientId + "/consents", null, """
                {"procedure":"CRYONEUROLYSIS","signedOn":"%s","witness":"Nurse K. Holm"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC)), 201);
        String procedure = procedure(-80, "");
        Answer recorded = Awaitility.await("the procedure accepted once procedure-service knows the screening and consent")
                .atMost(CLEARED_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> send("proceduralist", "POST", "/api/procedures", null, procedure, -1),
                        answer -> answer.status != 422 || !answer.body.contains("patient-not-known")
                                && !answer.body.contains("treatment-not-cleared"));
        assertThat(recorded.status).as("recording the procedure: %s", recorded.body).isEqualTo(201);
        procedureId = UUID.fromString(recorded.json.get("id").asString());
    }

    /** A new case, through the gateway at {@code gatewayUrl}. */
    public static CaseOnRecord create(String gatewayUrl) {
        return new CaseOnRecord(gatewayUrl);
    }

    /** The proceduralist corrects the probe temperature (−80 → −88 °C) and adds a second cycle, giving a reason. */
    public void amend(String reason) {
        Answer read = send("proceduralist", "GET", "/api/procedures/" + procedureId, null, null, 200);
        send("proceduralist", "PUT", "/api/procedures/" + procedureId, read.etag,
                procedure(-88, ",\"amendmentReason\":" + JSON.writeValueAsString(reason))
                        .replace("\"cycles\":[{\"seconds\":90}]", "\"cycles\":[{\"seconds\":90},{\"seconds\":90}]"), 200);
    }

    private String procedure(int temperature, String more) {
        return """
                {"patientId":"%s","performedAt":"%s","modality":"CRYONEUROLYSIS","indication":{"code":"KNEE_OSTEOARTHRITIS"},
                 "targets":[{"nerve":"SUPEROMEDIAL_GENICULAR","laterality":"LEFT"}],"imagingGuidance":"ULTRASOUND",
                 "device":{"model":"Cryoprobe 190","gauge":"27G"},
                 "cryo":{"probeTemperatureCelsius":%d,"cycles":[{"seconds":90}],"thawSeconds":30,"iceBallVisualized":true},
                 "localAnesthetic":"Lidocaine 1 %%, 3 mL","painBefore":7,"painAfter":2%s}"""
                .formatted(patientId, Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS), temperature,
                        more);
    }

    private record Answer(int status, String body, JsonNode json, String etag) {
    }

    /** One call as the dev user of {@code role}; {@code expected} -1 takes any answer. */
    private Answer send(String role, String method, String path, String ifMatch, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KeycloakTokens.accessTokenOfRole(role))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Answer answer = new Answer(response.statusCode(), body,
                    body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body),
                    response.headers().firstValue("ETag").orElse(null));
            if (expected != -1) {
                assertThat(answer.status).as("%s %s as %s: %s", method, path, role, body).isEqualTo(expected);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
