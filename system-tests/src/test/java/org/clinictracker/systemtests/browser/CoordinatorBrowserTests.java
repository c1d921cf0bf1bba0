package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A coordinator's day in a real browser, signed in through Keycloak's page: the worklist, a knee patient's month-3
 * and month-6 visits documented late in their rows (a responder, then waning relief), the repeat consult booked on
 * the queue, and the patient's timeline with its chart; each screen checked with axe-core and photographed, at
 * desktop and at tablet size.
 */
class CoordinatorBrowserTests {

    private static ClinicSystem clinic;
    private static TreatedKneePatient patient;

    @BeforeAll
    static void aKneePatientTreatedMonthsAgo() {
        clinic = ClinicSystem.start();
        // past month 6 (due day 180, window to day 194), before month 9's window opens
        patient = TreatedKneePatient.treatedDaysAgo(clinic.baseUrl(ClinicService.GATEWAY), 200);
    }

    @Test
    void a_coordinator_documents_the_visits_books_the_repeat_consult_and_follows_the_patient_over_time() {
        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn("coordinator1");
            assertThat(browser.currentPath()).as("the coordinator's day starts at the worklist").startsWith("/worklist");
            CoordinatorScreens coordinator = new CoordinatorScreens(browser);
            coordinator.openWorklist("missed");
            browser.checkAccessibility("coordinator-worklist");
            browser.screenshot("coordinator-worklist");

            coordinator.openVisitsOf(patient.id);
            TreatedKneePatient.Visit month3 = patient.visit("MONTH_3");
            TreatedKneePatient.Visit month6 = patient.visit("MONTH_6");
            WebElement pain = coordinator.openOutcomeForm(month3.id());
            assertThat(browser.driver().switchTo().activeElement()).as("the form opens at its first field").isEqualTo(pain);
            browser.checkAccessibility("coordinator-outcome-form");
            browser.screenshot("coordinator-outcome-form");

            assertThat(coordinator.documentOutcome(month3.id(), 3, 70, false, month3.dueOn()))
                    .startsWith("Documented.").contains("Pain 3/10", "Relief 70 %", "Responder");
            assertThat(browser.driver().findElement(By.id("status-" + month3.id())).getText()).isEqualTo("Completed");
            assertThat(coordinator.documentOutcome(month6.id(), 6, 30, true, month6.dueOn()))
                    .startsWith("Documented.").contains("Waning relief", "repeat-treatment candidate");
            browser.screenshot("coordinator-outcomes-documented");

            coordinator.openRepeatQueueWith(patient.id);
            browser.checkAccessibility("coordinator-repeat-queue");
            browser.screenshot("coordinator-repeat-queue");
            assertThat(coordinator.bookConsult(patient.id)).startsWith("Consult booked").contains("coordinator1");
            assertThat(patient.openCandidates()).as("the candidate is no longer open").isEmpty();

            coordinator.openTimeline(patient.id);
            List<String> measured = browser.driver().findElements(By.cssSelector("#pain-relief-table tbody tr")).stream()
                    .map(WebElement::getText).toList();
            assertThat(measured).hasSize(3);
            assertThat(measured.get(0)).contains("Procedure: Cryoneurolysis", "8");
            assertThat(measured.get(1)).contains("Outcome at the Month 3 visit", "3", "70");
            assertThat(measured.get(2)).contains("Outcome at the Month 6 visit", "6", "30");
            browser.checkAccessibility("coordinator-timeline");
            browser.screenshot("coordinator-timeline");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void on_a_tablet_the_worklist_and_the_timeline_read_as_well() {
        try (ClinicBrowser tablet = ClinicBrowser.openTablet(clinic)) {
            tablet.signIn("coordinator1");
            CoordinatorScreens coordinator = new CoordinatorScreens(tablet);
            coordinator.openVisitsOf(patient.id);
            coordinator.openOutcomeForm(patient.visit("MONTH_9").id());
            tablet.checkAccessibility("coordinator-worklist-tablet");
            tablet.screenshot("coordinator-worklist-tablet");
            coordinator.openTimeline(patient.id);
            tablet.checkAccessibility("coordinator-timeline-tablet");
            tablet.screenshot("coordinator-timeline-tablet");
            tablet.assertNoConsoleErrors();
        }
    }

    @Test
    void the_front_desk_is_refused_the_coordinators_screens() {
        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn("frontdesk1");
            for (String screen : List.of("/worklist", "/repeat-treatments", "/patients/" + patient.id + "/timeline")) {
                browser.open(screen);
                assertThat(browser.waitFor(By.tagName("h1")).getText()).as(screen).containsIgnoringCase("not");
                assertThat(browser.driver().findElements(By.cssSelector("table"))).as(screen).isEmpty();
            }
        }
    }
}
