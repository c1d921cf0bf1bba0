package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.HttpAnswer;

import tools.jackson.databind.JsonNode;

/**
 * One knee-osteoarthritis patient's year at the clinic (issue 9, "The journey test"), through the gateway only,
 * each step by the dev user whose job it is. Time is simulated the way the API allows it, with no clock trick: the
 * first cryoneurolysis is a late entry performed {@value #DAYS_AGO} days ago, so its month-3 and month-6 visits are
 * overdue today and are documented late on the days they were due (assessedOn); the repeat is performed today.
 * Each step checks its answer; what the steps found is kept in the fields for the tests to look at.
 */
final class KneeJourney {

    /** Past month 6 (due day 180, window to 194), before month 9's window opens (day 256). */
    static final int DAYS_AGO = 200;
    /** The follow-up protocol's visits for cryoneurolysis (followup-service's default protocol). */
    static final List<String> CRYO_VISITS = List.of("DAY_2", "WEEK_2", "WEEK_6", "MONTH_3", "MONTH_6", "MONTH_9",
            "MONTH_12");
    static final int BASELINE_PAIN = 8;
    /** How soon a coordinator sees what another service wrote: Kafka, the consumer, its transaction. */
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);

    /** Points of the journey where another service still has to hear of what was just written. */
    enum Milestone {
        /** Screening and consent recorded: procedure-service must hear of both before the procedure. */
        CONSENTED,
        /** The procedure recorded: followup-service must hear of it to plan its visits. */
        PROCEDURE_RECORDED,
        /** Month 3 documented, with a complication noticed that procedure-service must add to the record. */
        MONTH_3_DOCUMENTED,
        /** Month 6 documented: waning relief, a repeat-treatment candidate to be announced. */
        MONTH_6_DOCUMENTED
    }

    final RequestLog requests = new RequestLog();
    final ClinicClient frontDesk;
    final ClinicClient proceduralist;
    final ClinicClient coordinator;
    final ClinicClient admin;
    final ClinicClient nobody;

    final Instant performedAt = Instant.now().minus(DAYS_AGO, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofHours(10));
    final LocalDate performedOn = LocalDate.ofInstant(performedAt, ZoneOffset.UTC);
    private final String familyName = "Lindqvist-" + letters(8);
    private final LocalDate birthDate = LocalDate.of(1948, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));

    UUID patientId;
    String mrn;
    int patientVersion;
    List<String> kneeNerves;
    UUID procedureId;
    UUID repeatProcedureId;
    UUID candidateId;

    /** How long the coordinator and the proceduralist wait for what another service must learn from Kafka. */
    private final Duration within;

    KneeJourney(String gatewayUrl) {
        this(gatewayUrl, WITHIN_SECONDS);
    }

    KneeJourney(String gatewayUrl, Duration within) {
        this.within = within;
        frontDesk = ClinicClient.signedIn("frontdesk1", gatewayUrl, requests);
        proceduralist = ClinicClient.signedIn("proceduralist1", gatewayUrl, requests);
        coordinator = ClinicClient.signedIn("coordinator1", gatewayUrl, requests);
        admin = ClinicClient.signedIn("admin1", gatewayUrl, requests);
        nobody = ClinicClient.withoutToken(gatewayUrl, requests);
    }

    /** The whole journey, each step checking its answer, with {@code at} told of each milestone as it is passed. */
    void walk(Consumer<Milestone> at) {
        register();
        assertThat(registerSamePersonAgain().status()).as("the same person registered again").isEqualTo(409);
        assertThat(screen().json().get("result").asString()).isEqualTo("ELIGIBLE");
        consent();
        at.accept(Milestone.CONSENTED);
        correctPhone();
        kneeNerves();
        recordProcedure();
        at.accept(Milestone.PROCEDURE_RECORDED);
        List<JsonNode> visits = awaitVisitsOf(procedureId);
        assertThat(recordResponderAtMonth3(visit(visits, "MONTH_3")).json().get("responder").asBoolean()).isTrue();
        at.accept(Milestone.MONTH_3_DOCUMENTED);
        assertThat(recordWaningAtMonth6(visit(visits, "MONTH_6")).json().get("waningRelief").asBoolean()).isTrue();
        at.accept(Milestone.MONTH_6_DOCUMENTED);
        awaitOpenCandidate();
        assertThat(recordRepeat().json().get("treatmentNumber").asInt()).isEqualTo(2);
        awaitCandidateClosed();
        awaitVisitsOf(repeatProcedureId);
    }

    // --- 1. front desk ---------------------------------------------------------------------------------------------

    HttpAnswer register() {
        HttpAnswer registered = frontDesk.post("register", "/api/patients", patient("+46 8 555 0100"));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        patientId = UUID.fromString(registered.json().get("id").asString());
        mrn = registered.json().get("mrn").asString();
        patientVersion = registered.json().get("version").asInt();
        return registered;
    }

    /** The same person at the desk again (same name and birth date, another phone): a possible duplicate. */
    HttpAnswer registerSamePersonAgain() {
        return frontDesk.post("register-again", "/api/patients", patient("+46 70 555 0199"));
    }

    HttpAnswer screen() {
        HttpAnswer screened = frontDesk.post("screen", "/api/patients/" + patientId + "/screenings", """
                {"chronicPainMonths":36,"peripheralNerveDistribution":true,"refractoryToMedication":true,
                 "refractoryToPhysicalTherapy":true,"activeInfection":false,"coagulopathy":false,
                 "severePeripheralVascularDisease":false,"coldIntolerance":false,"anticoagulated":false,
                 "plannedModality":"CRYONEUROLYSIS"}""");
        assertThat(screened.status()).as("screening: %s", screened).isEqualTo(201);
        return screened;
    }

    HttpAnswer consent() {
        HttpAnswer consented = frontDesk.post("consent", "/api/patients/" + patientId + "/consents", """
                {"procedure":"CRYONEUROLYSIS","signedOn":"%s","witness":"Nurse R. Holm"}""".formatted(performedOn));
        assertThat(consented.status()).as("consent: %s", consented).isEqualTo(201);
        return consented;
    }

    /** The patient's new mobile number: a corrected chart, version 2, which every replica must end up with. */
    HttpAnswer correctPhone() {
        HttpAnswer read = frontDesk.get("read-chart", "/api/patients/" + patientId);
        assertThat(read.status()).as("chart: %s", read).isEqualTo(200);
        HttpAnswer corrected = frontDesk.put("correct-phone", "/api/patients/" + patientId,
                "\"" + read.json().get("version").asInt() + "\"", patient("+46 70 555 0123"));
        assertThat(corrected.status()).as("correction: %s", corrected).isEqualTo(200);
        patientVersion = corrected.json().get("version").asInt();
        return corrected;
    }

    // --- 2. proceduralist ------------------------------------------------------------------------------------------

    /** The genicular nerves of the knee, by their catalogue codes. */
    List<String> kneeNerves() {
        HttpAnswer catalogue = proceduralist.get("nerve-catalogue", "/api/procedures/catalogue/nerves");
        assertThat(catalogue.status()).as("catalogue: %s", catalogue).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode nerve : catalogue.json()) {
            if ("KNEE".equals(nerve.get("region").asString()) && nerve.get("code").asString().endsWith("_GENICULAR")) {
                codes.add(nerve.get("code").asString());
            }
        }
        kneeNerves = List.copyOf(codes);
        return kneeNerves;
    }

    /**
     * Cryoneurolysis of the three genicular nerves under ultrasound at −88 °C, two 90-s cycles, a mild bruise; a late
     * entry. Procedure-service learns of the screening and consent from Kafka: until it has, it refuses the case as
     * not cleared, and the proceduralist tries again a moment later.
     */
    HttpAnswer recordProcedure() {
        HttpAnswer recorded = recordCleared("record-procedure", """
                {"patientId":"%s","performedAt":"%s","modality":"CRYONEUROLYSIS",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS","text":"right knee, Kellgren-Lawrence grade 3"},
                 "targets":[%s],"imagingGuidance":"ULTRASOUND","device":{"model":"cryoprobe 27G","gauge":"27G"},
                 "cryo":{"probeTemperatureCelsius":-88,"cycles":[{"seconds":90},{"seconds":90}],"thawSeconds":30,
                         "iceBallVisualized":true},
                 "localAnesthetic":"lidocaine 1%% 3 mL","sedation":"none","painBefore":%d,"painAfter":3,
                 "adverseEvents":[{"type":"BRUISING","severity":"MILD","serious":false,"onsetOn":"%s",
                                   "outcome":"RESOLVED","resolvedOn":"%s"}]}"""
                .formatted(patientId, performedAt, targets(), BASELINE_PAIN, performedOn, performedOn.plusDays(6)));
        procedureId = UUID.fromString(recorded.json().get("id").asString());
        return recorded;
    }

    /** The repeat on the same three nerves, performed today. */
    HttpAnswer recordRepeat() {
        HttpAnswer recorded = recordCleared("record-repeat", """
                {"patientId":"%s","performedAt":"%s","modality":"CRYONEUROLYSIS",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"targets":[%s],"imagingGuidance":"ULTRASOUND",
                 "cryo":{"probeTemperatureCelsius":-88,"cycles":[{"seconds":90},{"seconds":90}],"thawSeconds":30,
                         "iceBallVisualized":true},
                 "painBefore":6,"painAfter":2}"""
                .formatted(patientId, Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS),
                        targets()));
        repeatProcedureId = UUID.fromString(recorded.json().get("id").asString());
        return recorded;
    }

    private HttpAnswer recordCleared(String step, String procedure) {
        HttpAnswer recorded = Awaitility.await(step + " accepted once procedure-service knows the screening and consent")
                .atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> proceduralist.post(step, "/api/procedures", procedure),
                        answer -> !(answer.status() == 422 && List.of("patient-not-known", "treatment-not-cleared")
                                .contains(answer.problemCode())));
        assertThat(recorded.status()).as("%s: %s", step, recorded).isEqualTo(201);
        return recorded;
    }

    private String targets() {
        return kneeNerves.stream().map(nerve -> "{\"nerve\":\"" + nerve + "\",\"laterality\":\"RIGHT\"}")
                .collect(Collectors.joining(","));
    }

    // --- 3. coordinator --------------------------------------------------------------------------------------------

    /** The worklist's visits of one procedure, once its plan has reached the worklist (within seconds). */
    List<JsonNode> awaitVisitsOf(UUID procedure) {
        return Awaitility.await("the plan of procedure " + procedure + " in the coordinator's worklist")
                .atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> visitsOf(procedure), visits -> visits.size() == CRYO_VISITS.size());
    }

    List<JsonNode> visitsOf(UUID procedure) {
        HttpAnswer worklist = coordinator.get("worklist",
                "/api/followups?patientId=" + patientId + "&size=100");
        assertThat(worklist.status()).as("worklist: %s", worklist).isEqualTo(200);
        List<JsonNode> visits = new ArrayList<>();
        for (JsonNode visit : worklist.json().get("content")) {
            if (procedure.toString().equals(visit.get("procedureId").asString())) {
                visits.add(visit);
            }
        }
        return visits;
    }

    static JsonNode visit(List<JsonNode> visits, String label) {
        return visits.stream().filter(visit -> label.equals(visit.get("label").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no visit " + label + " in " + visits));
    }

    /** Month 3, documented late on the day it was due: pain 3 of baseline 8, a responder; some numbness noticed. */
    HttpAnswer recordResponderAtMonth3(JsonNode visit) {
        LocalDate assessedOn = LocalDate.parse(visit.get("dueOn").asString());
        return recordOutcome("outcome-month-3", visit, """
                {"painScore":3,"reliefPercent":70,"functionScore":{"instrument":"WOMAC","value":30},
                 "opioidMmePerDay":5,"satisfaction":5,"sensationReturned":false,"assessedOn":"%s",
                 "adverseEvents":[{"type":"TEMPORARY_NUMBNESS","severity":"MILD","serious":false,"onsetOn":"%s",
                                   "outcome":"RESOLVED","resolvedOn":"%s"}]}"""
                .formatted(assessedOn, performedOn.plusDays(1), performedOn.plusDays(20)));
    }

    /** Month 6, documented late on its due day: sensation back, pain 6, relief 30 %: waning relief. */
    HttpAnswer recordWaningAtMonth6(JsonNode visit) {
        LocalDate assessedOn = LocalDate.parse(visit.get("dueOn").asString());
        return recordOutcome("outcome-month-6", visit, """
                {"painScore":6,"reliefPercent":30,"functionScore":{"instrument":"WOMAC","value":55},
                 "opioidMmePerDay":10,"satisfaction":3,"sensationReturned":true,"assessedOn":"%s"}"""
                .formatted(assessedOn));
    }

    private HttpAnswer recordOutcome(String step, JsonNode visit, String outcome) {
        HttpAnswer recorded = coordinator.post(step, "/api/followups/" + visit.get("id").asString() + "/outcome", outcome);
        assertThat(recorded.status()).as("%s: %s", step, recorded).isEqualTo(201);
        return recorded;
    }

    /** The repeat-treatment candidate the waning relief made, open in the coordinator's list (within seconds). */
    JsonNode awaitOpenCandidate() {
        JsonNode candidate = Awaitility.await("an open repeat-treatment candidate for the patient")
                .atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> candidates("OPEN"), found -> !found.isEmpty()).get(0);
        candidateId = UUID.fromString(candidate.get("id").asString());
        return candidate;
    }

    List<JsonNode> candidates(String status) {
        HttpAnswer listed = coordinator.get("repeat-candidates",
                "/api/repeat-treatments?status=" + status + "&patientId=" + patientId);
        assertThat(listed.status()).as("candidates: %s", listed).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        listed.json().get("content").forEach(found::add);
        return found;
    }

    /** The candidate, once the repeat has closed it. */
    JsonNode awaitCandidateClosed() {
        return Awaitility.await("the repeat-treatment candidate closed by the repeat")
                .atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> candidates("REPEATED"), found -> !found.isEmpty()).get(0);
    }

    // --- 4. clinic admin -------------------------------------------------------------------------------------------

    /** The patient's whole audit trail in one service, newest first, page by page. */
    List<JsonNode> auditTrail(String path) {
        List<JsonNode> entries = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            HttpAnswer trail = admin.get("audit", path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page);
            assertThat(trail.status()).as("audit %s: %s", path, trail).isEqualTo(200);
            trail.json().get("content").forEach(entries::add);
            pages = trail.json().get("page").get("totalPages").asInt();
        }
        return entries;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String patient(String phone) {
        return """
                {"givenName":"Ingrid","familyName":"%s","birthDate":"%s","sex":"FEMALE","phone":"%s",
                 "preferredLanguage":"sv","indication":{"code":"KNEE_OSTEOARTHRITIS","text":"right knee"},
                 "painLocation":"right knee","laterality":"RIGHT","painDurationMonths":36,"baselinePainScore":%d,
                 "opioidMmePerDay":15,"anticoagulated":false,"currentTherapies":["PHYSICAL_THERAPY","NSAID","OPIOID"]}"""
                .formatted(familyName, birthDate, phone, BASELINE_PAIN);
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
