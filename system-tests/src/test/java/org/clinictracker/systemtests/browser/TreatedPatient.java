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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient the admin's screens can look at, made through the gateway's API by the users whose job each step is,
 * every call with a request id of its own so its audit entry can be recognised on the audit screen: registered by
 * the front desk, screened and consented, a knee cryoneurolysis recorded by the proceduralist, the timeline opened
 * by the coordinator. Together the three services' audit trails hold an entry of each.
 */
final class TreatedPatient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WITHIN = Duration.ofSeconds(30);

    final String id;
    final String familyName;
    /** The request ids of the steps each service audited. */
    final String registeredIn;
    final String recordedIn;
    final String timelineReadIn;

    private TreatedPatient(String id, String familyName, String registeredIn, String recordedIn, String timelineReadIn) {
        this.id = id;
        this.familyName = familyName;
        this.registeredIn = registeredIn;
        this.recordedIn = recordedIn;
        this.timelineReadIn = timelineReadIn;
    }

    static TreatedPatient make(ClinicSystem clinic) {
        String gateway = clinic.baseUrl(ClinicService.GATEWAY);
        String familyName = "Audit-" + letters(8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String registeredIn = requestId("register");
        JsonNode patient = send(gateway, "frontdesk1", "POST", "/api/patients", """
                {"givenName":"Astrid","familyName":"%s","birthDate":"%s","sex":"FEMALE","phone":"+46 8 555 0142",
                 "preferredLanguage":"sv","indication":{"code":"KNEE_OSTEOARTHRITIS","text":"left knee"},
                 "painLocation":"left knee","laterality":"LEFT","painDurationMonths":24,"baselinePainScore":7,
                 "opioidMmePerDay":0,"anticoagulated":false,"currentTherapies":["PHYSICAL_THERAPY","NSAID"]}"""
                .formatted(familyName, LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000))),
                registeredIn, 201);
        String id = patient.get("id").asString();
        send(gateway, "frontdesk1", "POST", "/api/patients/" + id + "/screenings", """
                {"chronicPainMonths":24,"peripheralNerveDistribution":true,"refractoryToMedication":true,
                 "refractoryToPhysicalTherapy":true,"activeInfection":false,"coagulopathy":false,
                 "severePeripheralVascularDisease":false,"coldIntolerance":false,"anticoagulated":false,
                 "plannedModality":"CRYONEUROLYSIS"}""", requestId("screen"), 201);
        send(gateway, "frontdesk1", "POST", "/api/patients/" + id + "/consents", """
                {"procedure":"CRYONEUROLYSIS","signedOn":"%s","witness":"Nurse K. Berg"}""".formatted(today),
                requestId("consent"), 201);

        String targets = kneeNerves(gateway).stream()
                .map(nerve -> "{\"nerve\":\"" + nerve + "\",\"laterality\":\"LEFT\"}").collect(Collectors.joining(","));
        String procedure = """
                {"patientId":"%s","performedAt":"%s","modality":"CRYONEUROLYSIS",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"targets":[%s],"imagingGuidance":"ULTRASOUND",
                 "cryo":{"probeTemperatureCelsius":-80,"cycles":[{"seconds":90},{"seconds":90}],"thawSeconds":30,
                         "iceBallVisualized":true},
                 "painBefore":7,"painAfter":2}"""
                .formatted(id, Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS), targets);
        String recordedIn = requestId("record-procedure");
        // procedure-service hears of the screening and consent from Kafka: until then it refuses the case as not cleared
        Awaitility.await("the procedure accepted once procedure-service knows the screening and consent")
                .atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> answer(gateway, "proceduralist1", "POST", "/api/procedures", procedure, recordedIn),
                        answer -> answer.statusCode() == 201);

        String timelineReadIn = requestId("timeline");
        send(gateway, "coordinator1", "GET", "/api/followups/timeline?patientId=" + id, null, timelineReadIn, 200);
        return new TreatedPatient(id, familyName, registeredIn, recordedIn, timelineReadIn);
    }

    private static List<String> kneeNerves(String gateway) {
        JsonNode catalogue = send(gateway, "proceduralist1", "GET", "/api/procedures/catalogue/nerves", null,
                requestId("catalogue"), 200);
        List<String> codes = new ArrayList<>();
        for (JsonNode nerve : catalogue) {
            if ("KNEE".equals(nerve.get("region").asString()) && nerve.get("code").asString().endsWith("_GENICULAR")) {
                codes.add(nerve.get("code").asString());
            }
        }
        assertThat(codes).as("genicular nerves in the catalogue").isNotEmpty();
        return codes;
    }

    private static JsonNode send(String gateway, String user, String method, String path, String json,
            String requestId, int expected) {
        HttpResponse<String> answer = answer(gateway, user, method, path, json, requestId);
        assertThat(answer.statusCode()).as("%s %s as %s: %s", method, path, user, answer.body()).isEqualTo(expected);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> answer(String gateway, String user, String method, String path, String json,
            String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
                .header("X-Request-Id", requestId)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
            if ("POST".equals(method)) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String requestId(String step) {
        return "adm-" + step + "-" + UUID.randomUUID(); // at most 64 characters: the gateway keeps a sane id as given
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
