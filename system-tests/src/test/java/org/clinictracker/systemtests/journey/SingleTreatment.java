package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.HttpAnswer;

import tools.jackson.databind.JsonNode;

/**
 * One patient treated once, through the gateway, for the modalities the knee journey does not cover: registered,
 * screened and consented for the modality, the procedure entered late ({@code daysAgo}) with its complications, and
 * one follow-up visit documented once followup-service has planned it.
 */
final class SingleTreatment {

    final RequestLog requests = new RequestLog();
    final ClinicClient frontDesk;
    final ClinicClient proceduralist;
    final ClinicClient coordinator;

    UUID patientId;
    String mrn;
    UUID procedureId;

    SingleTreatment(String gatewayUrl) {
        frontDesk = ClinicClient.signedIn("frontdesk1", gatewayUrl, requests);
        proceduralist = ClinicClient.signedIn("proceduralist1", gatewayUrl, requests);
        coordinator = ClinicClient.signedIn("coordinator1", gatewayUrl, requests);
    }

    /** Lumbar facet pain: conventional RFA of the left L4 and L5 medial branches, a serious complication; month 3. */
    static SingleTreatment radiofrequencyAblation(String gatewayUrl) {
        SingleTreatment treated = new SingleTreatment(gatewayUrl);
        treated.admit("LOW_BACK_FACET_PAIN", "lower back", "LEFT", "RADIOFREQUENCY_ABLATION");
        treated.record(100, """
                "modality":"RADIOFREQUENCY_ABLATION","indication":{"code":"LOW_BACK_FACET_PAIN"},
                "targets":[{"nerve":"LUMBAR_MEDIAL_BRANCH","laterality":"LEFT","level":"L4"},
                           {"nerve":"LUMBAR_MEDIAL_BRANCH","laterality":"LEFT","level":"L5"}],
                "imagingGuidance":"FLUOROSCOPY","device":{"model":"RF cannula, 10 mm active tip","gauge":"18G"},
                "rfa":{"variant":"CONVENTIONAL","lesionTemperatureCelsius":80,"secondsPerLesion":90,"lesionCount":2},
                "painBefore":7,"painAfter":3,
                "adverseEvents":[{"type":"MOTOR_WEAKNESS","severity":"SEVERE","serious":true,"onsetOn":"%s",
                                  "outcome":"RESOLVING"}]""");
        treated.documentVisit("MONTH_3", """
                {"painScore":3,"reliefPercent":60,"functionScore":{"instrument":"ODI","value":28},"opioidMmePerDay":0}""");
        return treated;
    }

    /**
     * Lumbar facet pain treated by RFA 90 days ago, with nothing documented since: its month-3 visit is due today,
     * its window open (day 76 to 104). The patient is registered with {@code givenName} and {@code email}, where the
     * clinic sends the visit's questions.
     */
    static SingleTreatment dueForMonth3(String gatewayUrl, String givenName, String email) {
        SingleTreatment treated = new SingleTreatment(gatewayUrl);
        treated.admit(givenName, email, "LOW_BACK_FACET_PAIN", "lower back", "RIGHT", "RADIOFREQUENCY_ABLATION");
        treated.record(90, """
                "modality":"RADIOFREQUENCY_ABLATION","indication":{"code":"LOW_BACK_FACET_PAIN"},
                "targets":[{"nerve":"LUMBAR_MEDIAL_BRANCH","laterality":"RIGHT","level":"L4"},
                           {"nerve":"LUMBAR_MEDIAL_BRANCH","laterality":"RIGHT","level":"L5"}],
                "imagingGuidance":"FLUOROSCOPY","device":{"model":"RF cannula, 10 mm active tip","gauge":"18G"},
                "rfa":{"variant":"CONVENTIONAL","lesionTemperatureCelsius":80,"secondsPerLesion":90,"lesionCount":2},
                "painBefore":8,"painAfter":3""");
        return treated;
    }

    /** Occipital neuralgia: a therapeutic block of both greater occipital nerves; week 2. */
    static SingleTreatment nerveBlock(String gatewayUrl) {
        SingleTreatment treated = new SingleTreatment(gatewayUrl);
        treated.admit("OCCIPITAL_NEURALGIA", "back of the head", "BILATERAL", "NERVE_BLOCK");
        treated.record(14, """
                "modality":"NERVE_BLOCK","indication":{"code":"OCCIPITAL_NEURALGIA"},
                "targets":[{"nerve":"GREATER_OCCIPITAL","laterality":"BILATERAL"}],
                "imagingGuidance":"ULTRASOUND","device":{"model":"Block needle, short bevel","gauge":"22G"},
                "block":{"purpose":"THERAPEUTIC","agent":"Bupivacaine","concentrationPercent":0.5,"volumeMl":3},
                "painBefore":8,"painAfter":2,
                "adverseEvents":[{"type":"SORENESS","severity":"MILD","serious":false,"onsetOn":"%s",
                                  "outcome":"RESOLVED"}]""");
        treated.documentVisit("WEEK_2", """
                {"painScore":4,"reliefPercent":50,"satisfaction":4}""");
        return treated;
    }

    private void admit(String indication, String painLocation, String laterality, String modality) {
        admit("Greta", "greta@example.org", indication, painLocation, laterality, modality);
    }

    private void admit(String givenName, String email, String indication, String painLocation, String laterality,
            String modality) {
        HttpAnswer registered = frontDesk.post("register", "/api/patients", """
                {"givenName":"%s","familyName":"Fhir-%s","birthDate":"%s","sex":"FEMALE","phone":"+43 660 555 0101",
                 "email":"%s","preferredLanguage":"de-AT",
                 "address":{"line1":"Hauptstrasse 3","city":"Graz","postalCode":"8010","country":"AT"},
                 "indication":{"code":"%s"},"painLocation":"%s","laterality":"%s","painDurationMonths":24,
                 "baselinePainScore":8,"opioidMmePerDay":20}"""
                .formatted(givenName, letters(10), LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000)),
                        email, indication, painLocation, laterality));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        patientId = UUID.fromString(registered.json().get("id").asString());
        mrn = registered.json().get("mrn").asString();
        HttpAnswer screened = frontDesk.post("screen", "/api/patients/" + patientId + "/screenings", """
                {"chronicPainMonths":24,"peripheralNerveDistribution":true,"refractoryToMedication":true,
                 "refractoryToPhysicalTherapy":true,"activeInfection":false,"coagulopathy":false,
                 "severePeripheralVascularDisease":false,"coldIntolerance":false,"anticoagulated":false,
                 "plannedModality":"%s"}""".formatted(modality));
        assertThat(screened.status()).as("screening: %s", screened).isEqualTo(201);
        HttpAnswer consented = frontDesk.post("consent", "/api/patients/" + patientId + "/consents",
                "{\"procedure\":\"%s\",\"signedOn\":\"%s\",\"witness\":\"Nurse K. Auer\"}"
                        .formatted(modality, LocalDate.now(ZoneOffset.UTC).minusDays(120)));
        assertThat(consented.status()).as("consent: %s", consented).isEqualTo(201);
    }

    /** {@code fields}: the procedure's JSON members after patientId and performedAt; {@code %s} is the day performed. */
    private void record(int daysAgo, String fields) {
        Instant performedAt = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
        LocalDate performedOn = LocalDate.ofInstant(performedAt, ZoneOffset.UTC);
        String body = "{\"patientId\":\"%s\",\"performedAt\":\"%s\",".formatted(patientId, performedAt)
                + fields.formatted(performedOn) + "}";
        HttpAnswer recorded = Awaitility.await("the procedure accepted once procedure-service knows the screening and consent")
                .atMost(KneeJourney.WITHIN_SECONDS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> proceduralist.post("record-procedure", "/api/procedures", body),
                        answer -> !(answer.status() == 422 && List.of("patient-not-known", "treatment-not-cleared")
                                .contains(answer.problemCode())));
        assertThat(recorded.status()).as("procedure: %s", recorded).isEqualTo(201);
        procedureId = UUID.fromString(recorded.json().get("id").asString());
    }

    /** Documents the visit of the plan once followup-service has planned it (it learns of the procedure from Kafka). */
    private void documentVisit(String label, String outcome) {
        JsonNode visit = awaitVisit(label);
        HttpAnswer documented = coordinator.post("outcome-" + label, "/api/followups/" + visit.get("id").asString() + "/outcome",
                outcome);
        assertThat(documented.status()).as("outcome %s: %s", label, documented).isEqualTo(201);
    }

    /** The worklist's row of the procedure's visit {@code label}, once followup-service has planned it. */
    JsonNode awaitVisit(String label) {
        return Awaitility.await("visit " + label + " of procedure " + procedureId + " in the worklist")
                .atMost(KneeJourney.WITHIN_SECONDS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> visit(label), found -> found != null);
    }

    /**
     * The worklist's row of the visit {@code label} as it is now, whatever its status (the worklist's default leaves
     * completed visits out); null before the plan exists.
     */
    JsonNode visit(String label) {
        HttpAnswer worklist = coordinator.get("worklist", "/api/followups?patientId=" + patientId
                + "&status=SCHEDULED,DUE,OVERDUE,MISSED,COMPLETED,CANCELLED&size=100");
        assertThat(worklist.status()).as("worklist: %s", worklist).isEqualTo(200);
        for (JsonNode visit : worklist.json().get("content")) {
            if (procedureId.toString().equals(visit.get("procedureId").asString())
                    && label.equals(visit.get("label").asString())) {
                return visit;
            }
        }
        return null;
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
