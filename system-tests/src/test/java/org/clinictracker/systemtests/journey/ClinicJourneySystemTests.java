package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.systemtests.journey.RequestLog.SentRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 9's journey on the running clinic, through the gateway only, with real tokens: the front desk registers a
 * knee patient (a second registration of the same person is caught), screens and consents her; the proceduralist
 * records a cryoneurolysis of three genicular nerves; the coordinator sees its plan within seconds, documents month 3
 * (responder) and month 6 (waning) and sees the repeat-treatment candidate; the proceduralist records the repeat,
 * which closes the candidate and gets its own plan; the clinic admin finds every step in the services' audit trails
 * under the request id it was sent with. The front desk's attempts at clinical records and a call without a token
 * are refused on the way.
 */
class ClinicJourneySystemTests {

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void a_knee_patients_year_at_the_clinic_from_registration_to_the_repeat_treatment() {
        KneeJourney journey = new KneeJourney(clinic.baseUrl(ClinicService.GATEWAY));

        // 1. front desk: registration, the same person again, screening, consent, a corrected phone number
        HttpAnswer registered = journey.register();
        assertThat(registered.json().get("mrn").asString()).isNotBlank();
        HttpAnswer again = journey.registerSamePersonAgain();
        assertThat(again.status()).as("second registration: %s", again).isEqualTo(409);
        assertThat(again.isProblem()).as("problem+json: %s", again).isTrue();
        assertThat(again.problemCode()).isEqualTo("possible-duplicate");
        assertThat(again.json().get("candidates").toString())
                .contains(journey.patientId.toString()).contains(journey.mrn);
        assertThat(journey.screen().json().get("result").asString()).isEqualTo("ELIGIBLE");
        journey.consent();
        assertThat(journey.correctPhone().json().get("phone").asString()).isEqualTo("+46 70 555 0123");

        // 2. proceduralist: the cryoneurolysis, a late entry from seven months ago
        assertThat(journey.kneeNerves()).containsExactlyInAnyOrder("SUPEROMEDIAL_GENICULAR", "SUPEROLATERAL_GENICULAR",
                "INFEROMEDIAL_GENICULAR");
        assertFrontDeskCannotRecordAProcedure(journey);
        JsonNode procedure = journey.recordProcedure().json();
        Instant recordedAt = Instant.now();
        assertThat(procedure.get("performedBy").asString()).isEqualTo("proceduralist1");
        assertThat(procedure.get("treatmentNumber").asInt()).isEqualTo(1);
        assertThat(procedure.get("imagingGuidance").asString()).isEqualTo("ULTRASOUND");
        assertThat(procedure.get("targets")).hasSize(3);
        assertThat(procedure.get("cryo").get("probeTemperatureCelsius").asDouble()).isEqualTo(-88.0);
        assertThat(procedure.get("cryo").get("cycles").toString()).isEqualTo("[{\"seconds\":90},{\"seconds\":90}]");
        assertThat(procedure.get("adverseEvents")).singleElement().satisfies(event -> {
            assertThat(event.get("type").asString()).isEqualTo("BRUISING");
            assertThat(event.get("severity").asString()).isEqualTo("MILD");
        });

        // 3. coordinator: the plan within seconds, month 3 a responder, month 6 waning, the candidate, the repeat
        List<JsonNode> visits = journey.awaitVisitsOf(journey.procedureId);
        Duration planSeenAfter = Duration.between(recordedAt, Instant.now());
        assertThat(visits).extracting(visit -> visit.get("label").asString())
                .containsExactlyInAnyOrderElementsOf(KneeJourney.CRYO_VISITS);
        JsonNode month3 = KneeJourney.visit(visits, "MONTH_3");
        JsonNode month6 = KneeJourney.visit(visits, "MONTH_6");
        assertThat(month3.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(month6.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(KneeJourney.visit(visits, "MONTH_9").get("status").asString()).isEqualTo("SCHEDULED");
        assertFrontDeskCannotRecordAnOutcome(journey, month3);

        JsonNode responder = journey.recordResponderAtMonth3(month3).json();
        assertThat(responder.get("responder").asBoolean()).as("month 3: %s", responder).isTrue();
        assertThat(responder.get("waningRelief").asBoolean()).isFalse();
        JsonNode waning = journey.recordWaningAtMonth6(month6).json();
        assertThat(waning.get("waningRelief").asBoolean()).as("month 6: %s", waning).isTrue();

        JsonNode candidate = journey.awaitOpenCandidate();
        assertThat(candidate.get("procedureId").asString()).isEqualTo(journey.procedureId.toString());

        JsonNode repeat = journey.recordRepeat().json();
        assertThat(repeat.get("treatmentNumber").asInt()).isEqualTo(2);
        assertThat(repeat.get("previousProcedureId").asString()).isEqualTo(journey.procedureId.toString());
        assertThat(repeat.get("earlyRepeat").asBoolean()).isFalse();
        assertThat(journey.awaitCandidateClosed().get("id").asString()).isEqualTo(journey.candidateId.toString());
        List<JsonNode> secondPlan = journey.awaitVisitsOf(journey.repeatProcedureId);
        assertThat(secondPlan).extracting(visit -> visit.get("treatmentNumber").asInt()).containsOnly(2);

        // 4. clinic admin: every step in the audit trail of the service that did it, under its request id
        assertEveryStepIsAudited(journey);

        System.out.printf("[journey] patient %s: plan seen %d ms after the procedure was recorded; %d calls%n",
                journey.patientId, planSeenAfter.toMillis(), journey.requests.all().size());
    }

    private static void assertFrontDeskCannotRecordAProcedure(KneeJourney journey) {
        HttpAnswer refused = journey.frontDesk.post("frontdesk-records-procedure", "/api/procedures",
                "{\"patientId\":\"" + journey.patientId + "\",\"modality\":\"CRYONEUROLYSIS\"}");
        assertThat(refused.refusedAsForbidden()).as("front desk recording a procedure: %s", refused).isTrue();
        HttpAnswer anonymous = journey.nobody.get("no-token-reads-chart", "/api/patients/" + journey.patientId);
        assertThat(anonymous.refusedAsUnauthenticated()).as("no token: %s", anonymous).isTrue();
    }

    private static void assertFrontDeskCannotRecordAnOutcome(KneeJourney journey, JsonNode visit) {
        HttpAnswer refused = journey.frontDesk.post("frontdesk-records-outcome",
                "/api/followups/" + visit.get("id").asString() + "/outcome", "{\"painScore\":2}");
        assertThat(refused.refusedAsForbidden()).as("front desk recording an outcome: %s", refused).isTrue();
        HttpAnswer anonymous = journey.nobody.post("no-token-records-outcome",
                "/api/followups/" + visit.get("id").asString() + "/outcome", "{\"painScore\":2}");
        assertThat(anonymous.refusedAsUnauthenticated()).as("no token: %s", anonymous).isTrue();
    }

    /** Which service's trail shows each step, and as what. */
    private static final Map<String, List<String[]>> AUDITED = Map.of(
            "/api/patients/%s/audit", List.of(
                    new String[] { "register", "PATIENT_REGISTERED" },
                    new String[] { "screen", "SCREENING_RECORDED" },
                    new String[] { "consent", "CONSENT_RECORDED" },
                    new String[] { "read-chart", "PATIENT_READ" },
                    new String[] { "correct-phone", "PATIENT_UPDATED" }),
            "/api/procedures/audit?patientId=%s", List.of(
                    new String[] { "record-procedure", "PROCEDURE_RECORDED" },
                    new String[] { "record-procedure", "ADVERSE_EVENT_REPORTED" },
                    new String[] { "record-repeat", "PROCEDURE_RECORDED" }),
            "/api/followups/audit?patientId=%s", List.of(
                    new String[] { "worklist", "WORKLIST_READ" },
                    new String[] { "outcome-month-3", "FOLLOW_UP_OUTCOME_RECORDED" },
                    new String[] { "outcome-month-6", "FOLLOW_UP_OUTCOME_RECORDED" },
                    new String[] { "repeat-candidates", "REPEAT_CANDIDATES_READ" }));

    static void assertEveryStepIsAudited(KneeJourney journey) {
        SoftAssertions softly = new SoftAssertions();
        AUDITED.forEach((pathPattern, steps) -> {
            List<JsonNode> trail = journey.auditTrail(pathPattern.formatted(journey.patientId));
            for (String[] step : steps) {
                SentRequest sent = journey.requests.of(step[0]);
                softly.assertThat(trail)
                        .as("%s: %s by %s with request id %s", pathPattern, step[1], sent.user(), sent.requestId())
                        .anySatisfy(entry -> {
                            assertThat(text(entry, "action")).isEqualTo(step[1]);
                            assertThat(text(entry, "requestId")).isEqualTo(sent.requestId());
                            assertThat(text(entry, "actor")).isEqualTo(sent.user());
                        });
            }
            // reading the trail is itself on the trail, under the admin's request
            softly.assertThat(journey.auditTrail(pathPattern.formatted(journey.patientId)))
                    .as("%s shows the admin's look", pathPattern)
                    .anySatisfy(entry -> assertThat(text(entry, "actor")).isEqualTo("admin1"));
        });
        softly.assertAll();
    }

    /** A field of an audit entry; null when the entry has none (an entry made by a consumer has no request id). */
    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
