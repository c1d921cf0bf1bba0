package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The system test's journey, done by people in a browser: each of the four roles signs in through Keycloak's page
 * in Chromium and does its part on the web app's screens only — the front desk registers a knee patient, finds her
 * as they type, records her screening and consent; the proceduralist records her cryoneurolysis (a late entry,
 * performed 95 days ago, so her month-3 visit is due today); the coordinator documents that visit in one step; the
 * admin finds every step in her audit trail, from all three services, under the users who did it.
 */
class ClinicJourneyBrowserTests {

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void four_people_take_a_knee_patient_from_registration_to_her_first_outcome_and_the_audit_trail() {
        String familyName = "Journeyperson" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);

        String patientId;
        try (ClinicBrowser frontDesk = ClinicBrowser.open(clinic)) {
            frontDesk.signIn("frontdesk1");
            FrontDeskScreens desk = new FrontDeskScreens(frontDesk);
            patientId = desk.registerPatient(FrontDeskScreens.NewPatient.knee("Ingrid", familyName, "1954-05-17"));
            assertThat(desk.findAsTyping(familyName)).containsExactly(patientId);
            assertThat(desk.recordScreening(patientId, 18, FrontDeskScreens.eligibleAnswers(), "CRYONEUROLYSIS"))
                    .isEqualTo("Eligible");
            assertThat(desk.recordConsent(patientId, "CRYONEUROLYSIS", "Nurse R. Holm")).isNotBlank();
            frontDesk.assertNoConsoleErrors();
        }
        TreatmentCleared.await(gateway(), patientId);

        String procedureId;
        try (ClinicBrowser proceduralist = ClinicBrowser.open(clinic)) {
            proceduralist.signIn("proceduralist1");
            RecordingScreens recording = new RecordingScreens(proceduralist);
            RecordingScreens.Cryoneurolysis leftKnee = RecordingScreens.Cryoneurolysis.ofTheRightKnee();
            recording.openForm(patientId)
                    .fillIn(new RecordingScreens.Cryoneurolysis(leftKnee.indication(), leftKnee.nerves(), "LEFT",
                            leftKnee.probeTemperature(), leftKnee.freezeSeconds(), leftKnee.painBefore(), leftKnee.painAfter()))
                    .performedDaysAgo(95);
            procedureId = recording.save();
            ChartScreens chart = new ChartScreens(proceduralist);
            chart.openChart(UUID.fromString(patientId)).openProcedureFromChart(UUID.fromString(procedureId));
            proceduralist.assertNoConsoleErrors();
        }

        String month3 = visitOf(patientId, procedureId, "MONTH_3");
        try (ClinicBrowser coordinator = ClinicBrowser.open(clinic)) {
            coordinator.signIn("coordinator1");
            CoordinatorScreens worklist = new CoordinatorScreens(coordinator);
            worklist.openVisitsOf(UUID.fromString(patientId));
            assertThat(worklist.documentOutcome(month3, 2, 75, false, null))
                    .startsWith("Documented.").contains("Pain 2/10", "Relief 75 %", "Responder");
            coordinator.assertNoConsoleErrors();
        }

        try (ClinicBrowser admin = ClinicBrowser.open(clinic)) {
            admin.signIn("admin1");
            List<AdminScreens.AuditRow> trail = new AdminScreens(admin).openAuditTrail(patientId);
            assertThat(trail).extracting(AdminScreens.AuditRow::service).as("every service's part of the journey")
                    .anySatisfy(service -> assertThat(service).containsIgnoringCase("patient"))
                    .anySatisfy(service -> assertThat(service).containsIgnoringCase("procedure"))
                    .anySatisfy(service -> assertThat(service).containsIgnoringCase("follow"));
            assertThat(trail).extracting(AdminScreens.AuditRow::who).as("everyone who took part")
                    .anySatisfy(who -> assertThat(who).contains("frontdesk1"))
                    .anySatisfy(who -> assertThat(who).contains("proceduralist1"))
                    .anySatisfy(who -> assertThat(who).contains("coordinator1"));
            admin.screenshot("journey-audit-trail");
            admin.assertNoConsoleErrors();
        }
    }

    private static String gateway() {
        return clinic.baseUrl(ClinicService.GATEWAY);
    }

    /** The id of the procedure's visit with this label, once followup-service has planned it (it hears from Kafka). */
    private static String visitOf(String patientId, String procedureId, String label) {
        return Awaitility.await("the " + label + " visit of the new procedure").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpAnswer visits = HttpAnswer.call("GET", gateway() + "/api/followups?patientId=" + patientId
                            + "&size=100", KeycloakTokens.accessToken("coordinator1"));
                    assertThat(visits.status()).as("visits: %s", visits).isEqualTo(200);
                    for (JsonNode visit : visits.json().get("content")) {
                        if (procedureId.equals(visit.get("procedureId").asString())
                                && label.equals(visit.get("label").asString())) {
                            return visit.get("id").asString();
                        }
                    }
                    return null;
                }, Objects::nonNull);
    }
}
