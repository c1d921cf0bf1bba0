package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The clinic admin reads the outcome report in a real browser: a knee patient treated with cryoneurolysis 100 days
 * ago whose month-3 outcome (pain 8 → 3) makes them a responder, made through the API; the admin narrows the
 * report to knee osteoarthritis treated by cryoneurolysis on that day, sees the figures beside the source's
 * published ones and both charts drawn, on a desktop and on a tablet; a coordinator may open the report, the front
 * desk may not.
 */
class AdminReportBrowserTests {

    private static ClinicSystem clinic;
    private static TreatedKneePatient patient;
    private static ClinicBrowser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void aRespondingKneePatientAndTheAdminSignedIn() {
        clinic = ClinicSystem.start();
        String gateway = clinic.baseUrl(ClinicService.GATEWAY);
        patient = TreatedKneePatient.treatedDaysAgo(gateway, 100);
        HttpAnswer documented = HttpAnswer.callWithJson("POST",
                gateway + "/api/followups/" + patient.visit("MONTH_3").id() + "/outcome",
                KeycloakTokens.accessToken("coordinator1"), "{\"painScore\":3,\"reliefPercent\":65}");
        assertThat(documented.status()).as("month-3 outcome: %s", documented).isBetween(200, 201);
        browser = ClinicBrowser.open(clinic).signIn("admin1");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String performedOn() {
        return patient.performedOn.toString();
    }

    @Test
    void the_admin_reads_the_clinics_figures_beside_the_published_ones_with_both_charts_drawn() {
        ReportScreens reports = new ReportScreens(browser);
        assertThat(reports.openFromTheNavigation()).isEqualTo("Outcome reports");

        String address = reports.showReport("CRYONEUROLYSIS", "KNEE_OSTEOARTHRITIS", performedOn(), performedOn());
        assertThat(address).contains("modality=CRYONEUROLYSIS").contains("indication=KNEE_OSTEOARTHRITIS")
                .contains("from=" + performedOn()).contains("to=" + performedOn());
        assertThat(browser.pageStatus()).isEqualTo(200);

        Map<String, List<String>> overall = reports.groupFigures("group-all-all");
        assertThat(overall.get("Procedures").get(0)).matches("\\d+ procedures? in \\d+ patients?");
        List<String> month3 = overall.get("Responders (≥ 50 % less pain) at month 3");
        assertThat(month3.get(0)).as("responders with n and interval").matches("(?s)\\d+ of \\d+ \\(\\d+ %, 95 % CI \\d+–\\d+ %\\).*");
        // the scope is knee osteoarthritis by cryoneurolysis: the source's figures stand beside the clinic's
        assertThat(month3.get(1)).startsWith("Source: up to 70 %");
        assertThat(overall.get("Pain reduction from baseline at month 3").get(1)).startsWith("Source: 4–5 points");
        assertThat(overall.get("Duration of relief (Kaplan–Meier)").get(1)).startsWith("Source: 90–360 days");
        assertThat(browser.waitFor(By.id("main")).getText()).doesNotContain("NaN").doesNotContain("null");

        assertThat(reports.chartsDrawn()).allSatisfy(points -> assertThat(points).isPositive());
        assertThat(reports.downloadCsvHeaders()).startsWith("200 text/csv").contains("attachment");
        browser.checkAccessibility("admin-reports");
        browser.screenshot("admin-reports");
        browser.assertNoConsoleErrors();
    }

    @Test
    void a_period_without_procedures_says_so() {
        browser.open("/reports?from=1990-01-01&to=1990-01-31");
        assertThat(browser.waitFor(By.id("no-procedures")).getText()).startsWith("No procedures in this period");
        assertThat(browser.driver().findElements(By.tagName("canvas"))).isEmpty();
        browser.checkAccessibility("admin-reports-empty");
    }

    @Test
    void the_report_reads_well_on_a_tablet() {
        try (ClinicBrowser tablet = ClinicBrowser.openTablet(clinic).signIn("admin1")) {
            tablet.open("/reports?modality=CRYONEUROLYSIS&indication=KNEE_OSTEOARTHRITIS&from=" + performedOn()
                    + "&to=" + performedOn());
            new ReportScreens(tablet).chartsDrawn();
            tablet.assertFitsTheWidth();
            tablet.checkAccessibility("admin-reports-tablet");
            tablet.screenshot("admin-reports-tablet");
        }
    }

    @Test
    void a_coordinator_may_open_the_report_and_the_front_desk_may_not() {
        try (ClinicBrowser coordinator = ClinicBrowser.open(clinic).signIn("coordinator1")) {
            assertThat(new ReportScreens(coordinator).openFromTheNavigation()).isEqualTo("Outcome reports");
            assertThat(coordinator.pageStatus()).isEqualTo(200);
        }
        try (ClinicBrowser frontDesk = ClinicBrowser.open(clinic).signIn("frontdesk1")) {
            assertThat(frontDesk.driver().findElements(By.cssSelector("nav a[href='/reports']"))).isEmpty();
            frontDesk.open("/reports");
            assertThat(frontDesk.pageStatus()).isEqualTo(403);
            assertThat(frontDesk.waitFor(By.tagName("h1")).getText()).isEqualTo("This screen is not for your role");
        }
    }
}
