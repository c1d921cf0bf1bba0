package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.browser.ChartScreens.AdverseEventReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A proceduralist's day in a real browser, signed in through Keycloak: a patient's chart (made by the front desk
 * through the API), the procedure's record with its earlier version after an amendment, and an adverse event
 * reported and later recorded as resolved. The front desk's chart of the same patient holds no clinical record.
 * Each main screen passes axe-core and is kept as a screenshot.
 */
class ProceduralistBrowserTests {

    private static ClinicSystem clinic;
    private static ClinicBrowser browser;
    private static ChartScreens screens;

    @BeforeAll
    static void signIn() {
        clinic = ClinicSystem.start();
        browser = ClinicBrowser.open(clinic).signIn("proceduralist1");
        screens = new ChartScreens(browser);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_proceduralist_opens_the_chart_then_the_procedure_and_finds_the_version_before_the_amendment() {
        CaseOnRecord patient = CaseOnRecord.create(clinic.baseUrl(ClinicService.GATEWAY));
        List<String> consoleBefore = browser.consoleErrors();
        patient.amend("Probe temperature misread from the console; second cycle missing");

        screens.openChart(patient.patientId);
        assertThat(screens.chartHeading()).isEqualTo(patient.familyName + ", " + patient.givenName);
        assertThat(screens.mrn()).isEqualTo(patient.mrn);
        assertThat(screens.showsSection("procedures")).isTrue();
        assertThat(screens.showsSection("follow-up")).isTrue();
        browser.checkAccessibility("proceduralist-chart");
        browser.screenshot("proceduralist-chart");

        screens.openProcedureFromChart(patient.procedureId);
        assertThat(screens.versionHeadings()).hasSize(2);
        assertThat(screens.versionHeadings().get(0)).startsWith("Version 2, amended");
        assertThat(screens.versionHeadings().get(1)).startsWith("Version 1, as first recorded");
        assertThat(screens.amendmentReasons()).containsExactly(
                "Reason: “Probe temperature misread from the console; second cycle missing”");
        browser.checkAccessibility("procedure-record");
        browser.screenshot("procedure-record");
        assertThat(browser.consoleErrors()).as("console errors on these screens").isEqualTo(consoleBefore);
    }

    @Test
    void the_proceduralist_reports_an_adverse_event_and_later_records_it_resolved() {
        CaseOnRecord patient = CaseOnRecord.create(clinic.baseUrl(ClinicService.GATEWAY));
        List<String> consoleBefore = browser.consoleErrors();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AdverseEventReport numbness = new AdverseEventReport("Prolonged numbness", "Moderate", false, today,
                "Numb skin over the medial knee, larger than expected");

        screens.openChart(patient.patientId).openProcedureFromChart(patient.procedureId);
        screens.fillAdverseEvent(patient.procedureId, numbness);
        browser.checkAccessibility("adverse-event-form");
        browser.screenshot("adverse-event-form");

        screens.openChart(patient.patientId).openProcedureFromChart(patient.procedureId);
        String reported = screens.reportAdverseEvent(patient.procedureId, numbness);
        assertThat(screens.adverseEventRow(reported)).startsWith("Prolonged numbness", "Moderate", "No", today.toString(),
                "Ongoing", "—");

        screens.recordResolved(patient.procedureId, reported, today);
        assertThat(screens.adverseEventRow(reported)).startsWith("Prolonged numbness", "Moderate", "No", today.toString(),
                "Resolved", today.toString());
        browser.screenshot("procedure-record-with-adverse-event");
        assertThat(browser.consoleErrors()).as("console errors on these screens").isEqualTo(consoleBefore);
    }

    @Test
    void the_front_desk_sees_the_same_chart_without_its_procedures_or_follow_ups_on_a_tablet() {
        CaseOnRecord patient = CaseOnRecord.create(clinic.baseUrl(ClinicService.GATEWAY));
        try (ClinicBrowser frontDesk = ClinicBrowser.openTablet(clinic).signIn("frontdesk1")) {
            List<String> consoleBefore = frontDesk.consoleErrors();
            ChartScreens chart = new ChartScreens(frontDesk).openChart(patient.patientId);

            assertThat(chart.mrn()).isEqualTo(patient.mrn);
            assertThat(chart.showsSection("screening")).isTrue();
            assertThat(chart.showsSection("consents")).isTrue();
            assertThat(chart.showsSection("procedures")).isFalse();
            assertThat(chart.showsSection("follow-up")).isFalse();
            frontDesk.checkAccessibility("front-desk-chart");
            frontDesk.screenshot("front-desk-chart-tablet");
            assertThat(frontDesk.consoleErrors()).as("console errors on the chart").isEqualTo(consoleBefore);
        }
    }
}
