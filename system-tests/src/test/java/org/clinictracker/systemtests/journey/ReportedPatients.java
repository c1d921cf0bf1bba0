package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.HttpAnswer;

import tools.jackson.databind.JsonNode;

/**
 * Three knee patients treated with cryoneurolysis years ago, recorded now through the gateway as a clinic enters its
 * old cases (late entries, without screening or consent on file, the reason given), with their months 3 and 6
 * documented by the coordinator on the days they were due:
 * <ul>
 * <li>a responder: pain 8 before, 3 at month 3, 3 at month 6;</li>
 * <li>a non-responder: pain 8 before, 6 at month 3, 7 at month 6;</li>
 * <li>a repeat: pain 8 before, 2 at month 3 (a responder), 7 at month 6 (waning relief), then the same nerves
 * treated again {@value #REPEAT_AFTER_DAYS} days after the first.</li>
 * </ul>
 * The first procedure is on a random day 8 to 14 years ago, the others on the two days after it, so the report's
 * date range around them holds these patients and nobody else's (other tests record procedures of this year).
 */
final class ReportedPatients {

    static final int PAIN_BEFORE = 8;
    static final int REPEAT_AFTER_DAYS = 200;
    /** How soon a plan reaches the worklist: Kafka, the consumer, its transaction. */
    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** Visits of followup-service's default cryoneurolysis protocol. */
    private static final int CRYO_VISITS = 7;

    final LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(3000 + ThreadLocalRandom.current().nextInt(2000));
    final ClinicClient frontDesk;
    final ClinicClient proceduralist;
    final ClinicClient coordinator;
    final List<UUID> patientIds = new ArrayList<>();
    UUID repeatProcedureId;

    ReportedPatients(String gatewayUrl, RequestLog requests) {
        frontDesk = ClinicClient.signedIn("frontdesk1", gatewayUrl, requests);
        proceduralist = ClinicClient.signedIn("proceduralist1", gatewayUrl, requests);
        coordinator = ClinicClient.signedIn("coordinator1", gatewayUrl, requests);
    }

    /** The last day of the three patients' procedures: the repeat's. */
    LocalDate lastDay() {
        return firstDay.plusDays(2 + REPEAT_AFTER_DAYS);
    }

    void record() {
        treat(firstDay, 3, 3);
        treat(firstDay.plusDays(1), 6, 7);
        UUID patient = treat(firstDay.plusDays(2), 2, 7);
        repeatProcedureId = recordProcedure(patient, lastDay(), 6);
        // the report counts what followup-service has heard of: wait for the repeat's plan as for the others'
        awaitVisits(patient, repeatProcedureId);
    }

    /** Registers a patient, records the cryoneurolysis on {@code day} and documents months 3 and 6. */
    private UUID treat(LocalDate day, int painAtMonth3, int painAtMonth6) {
        UUID patient = register();
        UUID procedure = recordProcedure(patient, day, PAIN_BEFORE);
        List<JsonNode> visits = awaitVisits(patient, procedure);
        documentOutcome(KneeJourney.visit(visits, "MONTH_3"), painAtMonth3);
        documentOutcome(KneeJourney.visit(visits, "MONTH_6"), painAtMonth6);
        return patient;
    }

    private UUID register() {
        HttpAnswer registered = frontDesk.post("report-register", "/api/patients", """
                {"givenName":"Astrid","familyName":"Report-%s","birthDate":"%s","sex":"FEMALE",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS","text":"left knee"},"laterality":"LEFT",
                 "baselinePainScore":%d,"opioidMmePerDay":20}"""
                .formatted(letters(10), LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000)),
                        PAIN_BEFORE));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        UUID patient = UUID.fromString(registered.json().get("id").asString());
        patientIds.add(patient);
        return patient;
    }

    /**
     * Cryoneurolysis of the three genicular nerves of the left knee; procedure-service refuses it as an unknown patient
     * until the registration has reached it, and the proceduralist tries again a moment later.
     */
    private UUID recordProcedure(UUID patient, LocalDate day, int painBefore) {
        String procedure = """
                {"patientId":"%s","performedAt":"%sT10:00:00Z","modality":"CRYONEUROLYSIS",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},
                 "targets":[{"nerve":"SUPEROMEDIAL_GENICULAR","laterality":"LEFT"},
                            {"nerve":"SUPEROLATERAL_GENICULAR","laterality":"LEFT"},
                            {"nerve":"INFEROMEDIAL_GENICULAR","laterality":"LEFT"}],
                 "imagingGuidance":"ULTRASOUND",
                 "cryo":{"probeTemperatureCelsius":-88,"cycles":[{"seconds":90},{"seconds":90}],"thawSeconds":30,
                         "iceBallVisualized":true},
                 "painBefore":%d,"painAfter":3,
                 "missingClearanceReason":"Late entry of a case treated before the clinic used this system"}"""
                .formatted(patient, day, painBefore);
        HttpAnswer recorded = Awaitility.await("the procedure accepted once procedure-service knows the patient")
                .atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> proceduralist.post("report-record-procedure", "/api/procedures", procedure),
                        answer -> !(answer.status() == 422 && "patient-not-known".equals(answer.problemCode())));
        assertThat(recorded.status()).as("procedure: %s", recorded).isEqualTo(201);
        return UUID.fromString(recorded.json().get("id").asString());
    }

    private List<JsonNode> awaitVisits(UUID patient, UUID procedure) {
        return Awaitility.await("the plan of procedure " + procedure + " in the coordinator's worklist")
                .atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> visitsOf(patient, procedure), visits -> visits.size() == CRYO_VISITS);
    }

    private List<JsonNode> visitsOf(UUID patient, UUID procedure) {
        HttpAnswer worklist = coordinator.get("report-worklist", "/api/followups?patientId=" + patient + "&size=100");
        assertThat(worklist.status()).as("worklist: %s", worklist).isEqualTo(200);
        List<JsonNode> visits = new ArrayList<>();
        for (JsonNode visit : worklist.json().get("content")) {
            if (procedure.toString().equals(visit.get("procedureId").asString())) {
                visits.add(visit);
            }
        }
        return visits;
    }

    /** The outcome documented late, on the day the visit was due. */
    private void documentOutcome(JsonNode visit, int painScore) {
        boolean relieved = 2 * (PAIN_BEFORE - painScore) >= PAIN_BEFORE;
        HttpAnswer recorded = coordinator.post("report-outcome",
                "/api/followups/" + visit.get("id").asString() + "/outcome", """
                        {"painScore":%d,"reliefPercent":%d,"functionScore":{"instrument":"WOMAC","value":%d},
                         "opioidMmePerDay":%d,"satisfaction":%d,"sensationReturned":%s,"assessedOn":"%s"}"""
                        .formatted(painScore, relieved ? 70 : 20, painScore * 8, relieved ? 5 : 20, relieved ? 5 : 2,
                                !relieved, visit.get("dueOn").asString()));
        assertThat(recorded.status()).as("outcome: %s", recorded).isEqualTo(201);
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
