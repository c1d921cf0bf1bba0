package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic admin signs in through Keycloak and does their job in a real browser: reads a treated patient's audit
 * trail, where the entries of all three services appear with the request ids the other roles' calls carried, and
 * changes a follow-up visit window, then puts it back. The protocol changed is the nerve block's week-2 visit:
 * no other test follows a nerve block's plan (the knee journey follows cryoneurolysis), and it is restored (as a
 * newer version with the default visits) whatever happens.
 */
class AdminBrowserTests {

    private static final String MODALITY = "NERVE_BLOCK";
    private static final String VISIT = "WEEK_2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ClinicSystem clinic;
    private static TreatedPatient patient;
    private static ClinicBrowser browser;
    private static AdminScreens admin;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void aTreatedPatientAndTheAdminSignedIn() {
        clinic = ClinicSystem.start();
        patient = TreatedPatient.make(clinic);
        browser = ClinicBrowser.open(clinic).signIn("admin1");
        admin = new AdminScreens(browser);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_admin_reads_one_list_of_what_the_three_services_audited_and_follows_one_request() {
        var rows = admin.openAuditTrail(patient.id);

        assertThat(browser.pageStatus()).isEqualTo(200);
        assertThat(browser.waitFor(By.tagName("h1")).getText()).contains(patient.familyName);
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("PATIENT_REGISTERED");
            assertThat(row.service()).isEqualTo("Patients");
            assertThat(row.requestId()).isEqualTo(patient.registeredIn);
            assertThat(row.who()).contains("frontdesk1").contains("Front desk");
            assertThat(row.what()).contains("Registered the patient");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("PROCEDURE_RECORDED");
            assertThat(row.service()).isEqualTo("Procedures");
            assertThat(row.requestId()).isEqualTo(patient.recordedIn);
            assertThat(row.who()).contains("proceduralist1");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("FOLLOW_UP_TIMELINE_READ");
            assertThat(row.service()).isEqualTo("Follow-ups");
            assertThat(row.requestId()).isEqualTo(patient.timelineReadIn);
        });
        browser.checkAccessibility("admin-audit-trail");
        browser.screenshot("admin-audit-trail");

        var oneRequest = admin.onlyRequest(patient.recordedIn);
        assertThat(oneRequest).isNotEmpty().allSatisfy(row -> assertThat(row.requestId()).isEqualTo(patient.recordedIn));
        assertThat(oneRequest).extracting(AdminScreens.AuditRow::action).contains("PROCEDURE_RECORDED");
        browser.checkAccessibility("admin-audit-trail-one-request");
        browser.assertNoConsoleErrors();
    }

    @Test
    void the_admin_changes_a_visit_window_and_puts_it_back() {
        JsonNode before = protocol();
        try {
            admin.openProtocols();
            browser.checkAccessibility("admin-protocols");
            browser.screenshot("admin-protocols");

            admin.openProtocolEdit(MODALITY);
            assertThat(admin.addAndRemoveAVisitRow()).isEqualTo(before.get("visits").size() + 1);
            browser.checkAccessibility("admin-protocol-edit");
            browser.screenshot("admin-protocol-edit");

            int changed = admin.changeWindowAfter(VISIT, 5);
            assertThat(changed).isEqualTo(before.get("version").asInt() + 1);
            assertThat(admin.windowAfterShown(MODALITY, VISIT)).isEqualTo("5");
            assertThat(windowAfter(protocol(), VISIT)).isEqualTo(5);
            browser.screenshot("admin-protocol-saved");

            admin.openProtocolEdit(MODALITY);
            int restored = admin.changeWindowAfter(VISIT, windowAfter(before, VISIT));
            assertThat(restored).isEqualTo(changed + 1);
            assertThat(protocol().get("visits")).isEqualTo(before.get("visits"));
            browser.assertNoConsoleErrors();
        } finally {
            putBack(before);
        }
    }

    @Test
    void a_protocol_saved_by_someone_else_meanwhile_is_explained_and_the_admins_input_kept() {
        JsonNode before = protocol();
        try {
            admin.openProtocolEdit(MODALITY);
            // meanwhile another admin saves the same visits again: a newer version the form did not start from
            HttpResponse<String> meanwhile = api("PUT", "\"" + before.get("version").asInt() + "\"",
                    "{\"visits\":" + before.get("visits") + "}");
            assertThat(meanwhile.statusCode()).as("the change meanwhile: %s", meanwhile.body()).isEqualTo(200);

            assertThat(admin.changeWindowAfterRefusedAsChangedMeanwhile(VISIT, 6))
                    .isEqualTo("Changed by admin1 while you were editing");
            assertThat(admin.windowAfterTyped(VISIT)).isEqualTo("6");
            assertThat(browser.script("return document.activeElement.hasAttribute('data-problem-summary')"))
                    .as("focus on the explanation").isEqualTo(true);
            assertThat(windowAfter(protocol(), VISIT)).as("nothing saved").isEqualTo(windowAfter(before, VISIT));
            browser.checkAccessibility("admin-protocol-changed-meanwhile");
            browser.screenshot("admin-protocol-changed-meanwhile");
        } finally {
            putBack(before);
        }
    }

    @Test
    void the_protocol_form_reads_well_on_a_tablet() {
        try (ClinicBrowser tablet = ClinicBrowser.openTablet(clinic).signIn("admin1")) {
            new AdminScreens(tablet).openProtocolEdit(MODALITY);
            tablet.assertFitsTheWidth();
            tablet.checkAccessibility("admin-protocol-edit-tablet");
            tablet.screenshot("admin-protocol-edit-tablet");
            new AdminScreens(tablet).openAuditTrail(patient.id);
            tablet.assertFitsTheWidth();
            tablet.checkAccessibility("admin-audit-trail-tablet");
            tablet.screenshot("admin-audit-trail-tablet");
        }
    }

    private static int windowAfter(JsonNode protocol, String label) {
        for (JsonNode visit : protocol.get("visits")) {
            if (label.equals(visit.get("label").asString())) {
                return visit.get("windowAfterDays").asInt();
            }
        }
        throw new AssertionError("no visit " + label + " in " + protocol);
    }

    private static JsonNode protocol() {
        HttpResponse<String> answer = api("GET", null, null);
        assertThat(answer.statusCode()).as("protocol: %s", answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Whatever the browser did: the visits as they were before (a newer version with the same visits). */
    private static void putBack(JsonNode before) {
        JsonNode now = protocol();
        if (!now.get("visits").equals(before.get("visits"))) {
            HttpResponse<String> answer = api("PUT", "\"" + now.get("version").asInt() + "\"",
                    "{\"visits\":" + before.get("visits") + "}");
            assertThat(answer.statusCode()).as("putting the protocol back: %s", answer.body()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> api(String method, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(clinic.baseUrl(ClinicService.GATEWAY)
                        + "/api/followups/protocols/" + MODALITY))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken("admin1"))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " protocol " + MODALITY + " got no answer", e);
        }
    }
}
