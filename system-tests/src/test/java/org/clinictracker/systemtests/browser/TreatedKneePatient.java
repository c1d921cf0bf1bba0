package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;

import tools.jackson.databind.JsonNode;

/**
 * A knee patient the front desk and a proceduralist made through the API, for the coordinator's screens to work
 * on: registered (baseline pain 8), screened, consented, and a cryoneurolysis of the three genicular nerves entered
 * late, performed {@code daysAgo} days ago, so its visits up to then are due, overdue or missed today (as in
 * system-tests' {@code journey/KneeJourney}). {@link #visits} are the plan's visits by label, as followup-service
 * planned them.
 */
final class TreatedKneePatient {

    static final int BASELINE_PAIN = 8;
    private static final Duration WITHIN = Duration.ofSeconds(30);

    final String gatewayUrl;
    final UUID id;
    final String familyName;
    final LocalDate performedOn;
    final UUID procedureId;
    final Map<String, Visit> visits;

    /** One follow-up visit of the plan. */
    record Visit(String id, String label, LocalDate dueOn, String status) {
    }

    private TreatedKneePatient(String gatewayUrl, UUID id, String familyName, LocalDate performedOn, UUID procedureId,
            Map<String, Visit> visits) {
        this.gatewayUrl = gatewayUrl;
        this.id = id;
        this.familyName = familyName;
        this.performedOn = performedOn;
        this.procedureId = procedureId;
        this.visits = visits;
    }

    static TreatedKneePatient treatedDaysAgo(String gatewayUrl, int daysAgo) {
        return treatedDaysAgo(gatewayUrl, daysAgo, "Ingrid", null);
    }

    /** As {@link #treatedDaysAgo(String, int)}, the patient called {@code givenName}, with {@code email} on file (null: none). */
    static TreatedKneePatient treatedDaysAgo(String gatewayUrl, int daysAgo, String givenName, String email) {
        String familyName = "Sandberg-" + letters(8);
        Instant performedAt = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(10));
        LocalDate performedOn = LocalDate.ofInstant(performedAt, ZoneOffset.UTC);
        LocalDate birthDate = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));

        HttpAnswer registered = call("frontdesk1", "POST", gatewayUrl + "/api/patients", """
                {"givenName":"%s","familyName":"%s","birthDate":"%s","sex":"FEMALE","phone":"+46 8 555 0142",%s
                 "indication":{"code":"KNEE_OSTEOARTHRITIS","text":"right knee"},"painLocation":"right knee",
                 "laterality":"RIGHT","painDurationMonths":36,"baselinePainScore":%d,"opioidMmePerDay":15,
                 "anticoagulated":false}""".formatted(givenName, familyName, birthDate,
                email == null ? "" : "\"email\":\"" + email + "\",", BASELINE_PAIN));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        UUID patientId = UUID.fromString(registered.json().get("id").asString());

        HttpAnswer screened = call("frontdesk1", "POST", gatewayUrl + "/api/patients/" + patientId + "/screenings", """
                {"chronicPainMonths":36,"peripheralNerveDistribution":true,"refractoryToMedication":true,
                 "refractoryToPhysicalTherapy":true,"activeInfection":false,"coagulopathy":false,
                 "severePeripheralVascularDisease":false,"coldIntolerance":false,"anticoagulated":false,
                 "plannedModality":"CRYONEUROLYSIS"}""");
        assertThat(screened.status()).as("screening: %s", screened).isEqualTo(201);
        HttpAnswer consented = call("frontdesk1", "POST", gatewayUrl + "/api/patients/" + patientId + "/consents", """
                {"procedure":"CRYONEUROLYSIS","signedOn":"%s","witness":"Nurse R. Holm"}""".formatted(performedOn));
        assertThat(consented.status()).as("consent: %s", consented).isEqualTo(201);

        String targets = kneeNerves(gatewayUrl).stream()
                .map(nerve -> "{\"nerve\":\"" + nerve + "\",\"laterality\":\"RIGHT\"}").collect(Collectors.joining(","));
        String procedure = """
                {"patientId":"%s","performedAt":"%s","modality":"CRYONEUROLYSIS",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"targets":[%s],"imagingGuidance":"ULTRASOUND",
                 "cryo":{"probeTemperatureCelsius":-88,"cycles":[{"seconds":90},{"seconds":90}],"thawSeconds":30,
                         "iceBallVisualized":true},
                 "painBefore":%d,"painAfter":3}""".formatted(patientId, performedAt, targets, BASELINE_PAIN);
        // procedure-service hears of the screening and consent from Kafka: until then it refuses the case
        HttpAnswer recorded = Awaitility.await("the procedure accepted once procedure-service knows the consent")
                .atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> call("proceduralist1", "POST", gatewayUrl + "/api/procedures", procedure),
                        answer -> !(answer.status() == 422 && List.of("patient-not-known", "treatment-not-cleared")
                                .contains(answer.problemCode())));
        assertThat(recorded.status()).as("procedure: %s", recorded).isEqualTo(201);
        UUID procedureId = UUID.fromString(recorded.json().get("id").asString());

        Map<String, Visit> visits = Awaitility.await("the procedure's follow-up plan in the worklist")
                .atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> visits(gatewayUrl, patientId, procedureId), found -> found.size() >= 7);
        return new TreatedKneePatient(gatewayUrl, patientId, familyName, performedOn, procedureId, visits);
    }

    Visit visit(String label) {
        Visit visit = visits.get(label);
        assertThat(visit).as("visit %s among %s", label, visits.keySet()).isNotNull();
        return visit;
    }

    /**
     * The coordinator sends the visit's questions through the API: {@code EMAIL} (to the address on file) or
     * {@code IN_CLINIC} (the answer carries the link, once). Returns the link's status as answered (201).
     */
    JsonNode issuePatientLink(String visitId, String delivery) {
        HttpAnswer issued = call("coordinator1", "POST", gatewayUrl + "/api/followups/" + visitId + "/patient-link",
                "{\"delivery\":\"" + delivery + "\"}");
        assertThat(issued.status()).as("patient link (%s): %s", delivery, issued).isEqualTo(201);
        return issued.json();
    }

    /** The visit's row as the coordinator's worklist API shows it now, whatever its status (completed ones too). */
    JsonNode worklistRow(String visitId) {
        HttpAnswer listed = call("coordinator1", "GET", gatewayUrl + "/api/followups?patientId=" + id
                + "&status=SCHEDULED,DUE,OVERDUE,MISSED,COMPLETED,CANCELLED&size=100", null);
        assertThat(listed.status()).as("worklist: %s", listed).isEqualTo(200);
        for (JsonNode visit : listed.json().get("content")) {
            if (visitId.equals(visit.get("id").asString())) {
                return visit;
            }
        }
        throw new AssertionError("visit " + visitId + " not in the worklist");
    }

    /** The patient's open repeat-treatment candidates, as the coordinator's API lists them. */
    List<String> openCandidates() {
        HttpAnswer listed = call("coordinator1", "GET",
                gatewayUrl + "/api/repeat-treatments?status=OPEN&patientId=" + id, null);
        assertThat(listed.status()).as("candidates: %s", listed).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.json().get("content").forEach(candidate -> ids.add(candidate.get("id").asString()));
        return ids;
    }

    private static Map<String, Visit> visits(String gatewayUrl, UUID patientId, UUID procedureId) {
        HttpAnswer listed = call("coordinator1", "GET", gatewayUrl + "/api/followups?patientId=" + patientId + "&size=100", null);
        assertThat(listed.status()).as("worklist: %s", listed).isEqualTo(200);
        Map<String, Visit> visits = new LinkedHashMap<>();
        for (JsonNode visit : listed.json().get("content")) {
            if (procedureId.toString().equals(visit.get("procedureId").asString())) {
                visits.put(visit.get("label").asString(), new Visit(visit.get("id").asString(),
                        visit.get("label").asString(), LocalDate.parse(visit.get("dueOn").asString()),
                        visit.get("status").asString()));
            }
        }
        return visits;
    }

    private static List<String> kneeNerves(String gatewayUrl) {
        HttpAnswer catalogue = call("proceduralist1", "GET", gatewayUrl + "/api/procedures/catalogue/nerves", null);
        assertThat(catalogue.status()).as("catalogue: %s", catalogue).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode nerve : catalogue.json()) {
            if ("KNEE".equals(nerve.get("region").asString()) && nerve.get("code").asString().endsWith("_GENICULAR")) {
                codes.add(nerve.get("code").asString());
            }
        }
        return codes;
    }

    /** A call as the dev user (a fresh token each time: the realm's tokens live five minutes). */
    private static HttpAnswer call(String user, String method, String url, String json) {
        String token = KeycloakTokens.accessToken(user);
        return json == null ? HttpAnswer.call(method, url, token) : HttpAnswer.callWithJson(method, url, token, json);
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
