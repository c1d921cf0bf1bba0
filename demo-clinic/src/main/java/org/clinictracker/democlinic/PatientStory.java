package org.clinictracker.democlinic;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.clinictracker.democlinic.ClinicApi.Answer;
import org.clinictracker.democlinic.FollowUpCourse.VisitReport;
import org.clinictracker.democlinic.Treatment.Complication;

import tools.jackson.databind.JsonNode;

/**
 * Plays one demo patient's year through the public API, each step by the dev user whose job it is: the front desk
 * registers, screens and records consent; a proceduralist overrides the screening where the story says so, logs
 * each procedure (entered late) and reports later complications; a coordinator documents the follow-up visits on
 * their due days and decides on the repeat-treatment candidates.
 */
final class PatientStory {

    static final String FRONT_DESK = "frontdesk1";
    static final String PROCEDURALIST = "proceduralist1";
    static final String COORDINATOR = "coordinator1";

    /** How long the services may take to pass an event on (patient to procedure-service, procedure to followups). */
    private static final Duration REPLICATION_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(300);
    /** Refusals that only mean procedure-service has not yet heard of the chart, screening, override or consent. */
    private static final Set<String> NOT_YET_REPLICATED = Set.of("patient-not-known", "treatment-not-cleared",
            "patient-not-eligible");
    private static final List<String> STREETS = List.of("Alcatraz Avenue", "Telegraph Avenue", "Piedmont Avenue",
            "Park Street", "Lakeshore Avenue", "College Avenue", "Shattuck Avenue", "Grand Avenue");
    private static final List<String> CITIES = List.of("Oakland", "Berkeley", "Alameda", "Emeryville");
    private static final List<String> PAYERS = List.of("Medicare", "Blue Shield of California", "Kaiser Permanente",
            "Medi-Cal", "Aetna");
    private static final List<String> REFERRERS = List.of("Dr. A. Alvarez (orthopaedics)", "Dr. K. Osei (primary care)",
            "Dr. M. Lindgren (oncology)", "Dr. S. Park (neurology)", "Dr. R. Haddad (thoracic surgery)");
    private static final List<String> WITNESSES = List.of("A. Reyes, RN", "J. Okafor, RN", "M. Costa, MA");

    private final ClinicApi api;
    private final DemoPatient patient;
    private final int number;
    private final LocalDate today;
    private final ZoneId zone;
    private final LoadReport report;
    private UUID patientId;

    PatientStory(ClinicApi api, DemoPatient patient, int number, LocalDate today, ZoneId zone, LoadReport report) {
        this.api = api;
        this.patient = patient;
        this.number = number;
        this.today = today;
        this.zone = zone;
        this.report = report;
    }

    void play() {
        Optional<String> mrn = register();
        if (mrn.isEmpty()) {
            report.alreadyThere(patient.displayName());
            return;
        }
        UUID screeningId = screen();
        if (patient.override != null) {
            expect(api.post(PROCEDURALIST, "/api/patients/" + patientId + "/screenings/" + screeningId + "/override",
                    patient.override), 200, "override of the screening");
        }
        recordConsents();
        patient.treatments.forEach(this::treat);
        report.patientAdded(patient.displayName(), mrn.get(), patient.treatments.size());
    }

    /** The chart's MRN, or empty when the demo patient is already registered (the duplicate check says so). */
    private Optional<String> register() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("givenName", patient.givenName);
        chart.put("familyName", patient.familyName);
        chart.put("birthDate", patient.birthDate.toString());
        chart.put("sex", patient.sex);
        chart.putAll(contactDetails());
        chart.putAll(patient.intake);
        Answer answer = api.post(FRONT_DESK, "/api/patients", chart);
        if (answer.status() == 409 && answer.code().equals("possible-duplicate")) {
            return Optional.empty();
        }
        expect(answer, 201, "registration");
        patientId = answer.id();
        return Optional.of(answer.body().get("mrn").asString());
    }

    /** Phone (555-01xx numbers are reserved for fiction), e-mail, address, insurance, referral and next of kin. */
    private Map<String, Object> contactDetails() {
        String ascii = Normalizer.normalize(patient.givenName + "." + patient.familyName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z.]", "").toLowerCase(Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("phone", String.format("+1 510 555 01%02d", number % 100));
        details.put("email", ascii + "@example.org");
        details.put("address", Map.of("line1", (100 + 37 * number) + " " + STREETS.get(number % STREETS.size()),
                "city", CITIES.get(number % CITIES.size()), "region", "CA",
                "postalCode", String.valueOf(94601 + number % 20), "country", "US"));
        details.put("preferredLanguage", "en");
        details.put("emergencyContact", Map.of("name", "Next of kin of " + patient.givenName,
                "phone", String.format("+1 510 555 01%02d", (number + 50) % 100),
                "relationship", number % 3 == 0 ? "daughter" : number % 3 == 1 ? "spouse" : "son"));
        details.put("insurance", Map.of("payer", PAYERS.get(number % PAYERS.size()),
                "memberId", String.format("DM%07d", 7919 * number % 10_000_000)));
        details.put("referringClinician", REFERRERS.get(number % REFERRERS.size()));
        return details;
    }

    private UUID screen() {
        Answer screened = expect(api.post(FRONT_DESK, "/api/patients/" + patientId + "/screenings", patient.screening),
                201, "screening");
        report.screened(screened.body().path("result").asString());
        return screened.id();
    }

    /** One consent per modality, signed a few days before its first procedure. */
    private void recordConsents() {
        Map<String, LocalDate> firstDay = new LinkedHashMap<>();
        for (Treatment treatment : patient.treatments) {
            firstDay.putIfAbsent(treatment.modality, today.minusDays(treatment.daysAgo));
        }
        firstDay.forEach((modality, day) -> expect(api.post(FRONT_DESK, "/api/patients/" + patientId + "/consents",
                Map.of("procedure", modality, "signedOn", day.minusDays(3).toString(),
                        "witness", WITNESSES.get(number % WITNESSES.size()))), 201, "consent"));
    }

    private void treat(Treatment treatment) {
        LocalDate day = today.minusDays(treatment.daysAgo);
        UUID procedureId = recordProcedure(treatment, day);
        for (Complication later : treatment.reportedLater) {
            expect(api.post(PROCEDURALIST, "/api/procedures/" + procedureId + "/adverse-events", complication(later, day)),
                    201, "adverse event reported later");
            report.complication();
        }
        Map<String, JsonNode> visits = awaitPlan(procedureId);
        for (VisitReport visit : treatment.course.visits()) {
            document(treatment, day, visits, visit);
        }
        if (treatment.decision != null) {
            decide(procedureId, treatment.decision);
        }
    }

    private UUID recordProcedure(Treatment treatment, LocalDate day) {
        Instant performedAt = day.atTime(LocalTime.of(9, 0).plusMinutes(25L * (number % 14))).atZone(zone).toInstant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId.toString());
        body.put("performedAt", performedAt.toString());
        body.put("modality", treatment.modality);
        body.put("indication", patient.intake.get("indication"));
        body.put("targets", treatment.targets);
        body.put("imagingGuidance", treatment.imaging);
        body.put("device", treatment.device);
        body.put(treatment.parametersField, treatment.parameters);
        putIfPresent(body, "localAnesthetic", treatment.localAnesthetic);
        putIfPresent(body, "sedation", treatment.sedation);
        body.put("painBefore", treatment.painBefore);
        body.put("painAfter", treatment.painAfter);
        putIfPresent(body, "notes", treatment.notes);
        body.put("adverseEvents", treatment.atProcedure.stream().map(c -> complication(c, day)).toList());
        String key = UUID.randomUUID().toString(); // a refusal keeps nothing, so the retries may reuse it
        Instant giveUp = Instant.now().plus(REPLICATION_WAIT);
        Answer answer = api.post(PROCEDURALIST, "/api/procedures", body, key);
        while (answer.status() == 422 && NOT_YET_REPLICATED.contains(answer.code()) && Instant.now().isBefore(giveUp)) {
            DevUserTokens.pause(POLL);
            answer = api.post(PROCEDURALIST, "/api/procedures", body, key);
        }
        expect(answer, 201, treatment.modality + " procedure");
        report.procedure(treatment.modality, answer.body().path("treatmentNumber").asInt());
        treatment.atProcedure.forEach(c -> report.complication());
        return answer.id();
    }

    private Map<String, Object> complication(Complication complication, LocalDate procedureDay) {
        LocalDate onset = procedureDay.plusDays(complication.onsetAfterDays());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", complication.type());
        event.put("severity", complication.severity());
        event.put("serious", false);
        event.put("onsetOn", onset.toString());
        LocalDate resolved = complication.resolvedAfterDays() == null ? null : procedureDay.plusDays(complication.resolvedAfterDays());
        if (resolved != null && !resolved.isAfter(today)) {
            event.put("outcome", "RESOLVED");
            event.put("resolvedOn", resolved.toString());
        } else {
            event.put("outcome", "RESOLVING");
        }
        putIfPresent(event, "notes", complication.notes());
        return event;
    }

    /** The plan followup-service made from the procedure's event: its visits by label. */
    private Map<String, JsonNode> awaitPlan(UUID procedureId) {
        String path = "/api/followups?patientId=" + patientId
                + "&status=SCHEDULED,DUE,OVERDUE,MISSED,COMPLETED,CANCELLED&size=100";
        Instant giveUp = Instant.now().plus(REPLICATION_WAIT);
        while (true) {
            Answer answer = expect(api.get(COORDINATOR, path), 200, "follow-up visits");
            Map<String, JsonNode> visits = new LinkedHashMap<>();
            for (JsonNode visit : answer.body().path("content")) {
                if (visit.path("procedureId").asString().equals(procedureId.toString())) {
                    visits.put(visit.path("label").asString(), visit);
                }
            }
            if (!visits.isEmpty()) {
                return visits;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("No follow-up plan for procedure " + procedureId + " after "
                        + REPLICATION_WAIT.toSeconds() + " s (is followup-service consuming clinic.procedures.v1?)");
            }
            DevUserTokens.pause(POLL);
        }
    }

    private void document(Treatment treatment, LocalDate procedureDay, Map<String, JsonNode> visits, VisitReport report) {
        JsonNode visit = visits.get(report.label());
        if (visit == null) {
            throw new IllegalStateException(patient.displayName() + ": the " + treatment.modality + " plan has no visit "
                    + report.label() + " (it has " + visits.keySet() + ")");
        }
        LocalDate dueOn = LocalDate.parse(visit.path("dueOn").asString());
        if (dueOn.isAfter(today)) {
            throw new IllegalStateException(patient.displayName() + ": visit " + report.label() + " is not due until "
                    + dueOn + "; the demo documents only visits already due");
        }
        int baseline = treatment.painBefore;
        int pain = report.painScore();
        int relief = baseline == 0 ? 0 : Math.max(0, Math.min(100, 5 * Math.round(20f * (baseline - pain) / baseline)));
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("painScore", pain);
        outcome.put("reliefPercent", relief);
        outcome.put("functionScore", functionScore(pain));
        if (patient.opioidMmePerDay() != null && patient.opioidMmePerDay() > 0) {
            // opioids come down with the pain, in steps of 5 MME
            outcome.put("opioidMmePerDay", 5.0 * Math.round(patient.opioidMmePerDay() * pain / baseline / 5.0));
        }
        outcome.put("satisfaction", relief >= 70 ? 5 : relief >= 50 ? 4 : relief >= 30 ? 3 : relief >= 10 ? 2 : 1);
        outcome.put("sensationReturned", report.sensationReturned());
        outcome.put("assessedOn", dueOn.toString());
        report.noticedAdverseEvent().ifPresent(type -> outcome.put("adverseEvents", List.of(Map.of(
                "type", type, "severity", "MILD", "serious", false,
                "onsetOn", later(procedureDay, dueOn.minusDays(5)).toString(), "outcome", "RESOLVING",
                "notes", "Mentioned by the patient at the " + report.label() + " call"))));
        expect(api.post(COORDINATOR, "/api/followups/" + visit.path("id").asString() + "/outcome", outcome), 201,
                report.label() + " outcome");
        this.report.outcome();
        report.noticedAdverseEvent().ifPresent(type -> this.report.complication());
    }

    /** The instrument that fits the indication: WOMAC for the knee, ODI for the back, PROMIS otherwise. */
    private Map<String, Object> functionScore(int pain) {
        return switch (patient.indicationCode()) {
            case "KNEE_OSTEOARTHRITIS" -> Map.of("instrument", "WOMAC", "value", 8 * pain + 6);
            case "LOW_BACK_FACET_PAIN" -> Map.of("instrument", "ODI", "value", 7 * pain + 4);
            default -> Map.of("instrument", "PROMIS_PHYSICAL_FUNCTION", "value", 58 - 2 * pain);
        };
    }

    /** The coordinator's decision on the candidate this procedure's waning relief made. */
    private void decide(UUID procedureId, Treatment.Decision decision) {
        Answer open = expect(api.get(COORDINATOR, "/api/repeat-treatments?status=OPEN&patientId=" + patientId), 200,
                "open repeat-treatment candidates");
        JsonNode candidate = StreamSupport.stream(open.body().path("content").spliterator(), false)
                .filter(c -> c.path("procedureId").asString().equals(procedureId.toString()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(patient.displayName()
                        + ": the story decides on a repeat, but the follow-up course made no candidate"));
        expect(api.post(COORDINATOR, "/api/repeat-treatments/" + candidate.path("id").asString() + "/decision",
                Map.of("action", decision.action(), "reason", decision.reason())), 200, "decision on the candidate");
        report.decision(decision.action());
    }

    private Answer expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(patient.displayName() + ": " + what + " answered " + answer.status() + " "
                    + answer.body());
        }
        return answer;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void putIfPresent(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
