package org.clinictracker.systemtests.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a coordinator does on the web app, step by step as a person would (links, buttons, typing): work the
 * worklist, document a visit's outcome in its row, book a repeat-treatment consult, follow a patient over time.
 * Each step waits for the page's answer and returns what the page says.
 */
public final class CoordinatorScreens {

    private final ClinicBrowser browser;

    public CoordinatorScreens(ClinicBrowser browser) {
        this.browser = browser;
    }

    /** The worklist at one of its tabs ({@code today}, {@code week}, {@code overdue}, {@code missed}, {@code relief-ending}, {@code open}). */
    public CoordinatorScreens openWorklist(String tab) {
        browser.open("/worklist?tab=" + tab);
        browser.waitFor(By.cssSelector("nav[aria-label='Worklist views'] a[aria-current='page']"));
        return this;
    }

    /** One patient's open and missed visits, as the patient's timeline links to them. */
    public CoordinatorScreens openVisitsOf(UUID patientId) {
        browser.open("/worklist?tab=open&patientId=" + patientId);
        browser.waitFor(By.cssSelector("table.worklist"));
        return this;
    }

    /** "Document outcome" in the visit's row: the form opens under it, its first field focused. */
    public WebElement openOutcomeForm(String visitId) {
        browser.waitFor(By.cssSelector("#actions-" + visitId + " button")).click();
        return browser.waitFor(By.id(field(visitId, "painScore")));
    }

    /**
     * The visit's outcome in one step: pain and relief (and whether sensation has returned), assessed on the given
     * day (a late entry), saved; returns what the row then says ("Documented. Pain 3/10. Relief 70 %. Responder").
     */
    public String documentOutcome(String visitId, int pain, int relief, boolean sensationReturned, LocalDate assessedOn) {
        WebElement painScore = browser.driver().findElements(By.id(field(visitId, "painScore"))).isEmpty()
                ? openOutcomeForm(visitId) : browser.driver().findElement(By.id(field(visitId, "painScore")));
        painScore.clear();
        painScore.sendKeys(String.valueOf(pain));
        WebElement reliefPercent = browser.driver().findElement(By.id(field(visitId, "reliefPercent")));
        reliefPercent.clear();
        reliefPercent.sendKeys(String.valueOf(relief));
        browser.driver().findElement(By.id(field(visitId, sensationReturned ? "sensationReturned" : "sensationReturned-no")))
                .click();
        if (assessedOn != null) {
            // a date input types in the browser's locale; its value is always ISO
            browser.script("arguments[0].value = arguments[1]", browser.driver().findElement(By.id(field(visitId, "assessedOn"))),
                    assessedOn.toString());
        }
        browser.driver().findElement(By.cssSelector("#outcome-" + visitId + " button[type='submit']")).click();
        return browser.waitFor(By.cssSelector("#outcome-" + visitId + " [role='status']")).getText();
    }

    /**
     * "E-mail the questions" in the visit's row (offered once its window has started and an e-mail address is on
     * file); returns what the row then says ("Questions e-mailed to h•••@example.org. The link works once, …").
     */
    public String emailQuestions(String visitId) {
        WebElement button = browser.waitFor(By.cssSelector("form[action$='/followups/" + visitId + "/patient-link/email'] button"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        return browser.waitFor(By.cssSelector("#outcome-" + visitId + " [role='status'], #outcome-" + visitId + " [role='alert']"))
                .getText();
    }

    /** What the visit's row says of its patient link ("Questions e-mailed 3 Dec", "Answered by the patient 4 Dec"). */
    public String linkState(String visitId) {
        return browser.driver().findElement(By.id("link-" + visitId)).getText();
    }

    /** The repeat-treatment queue, once the patient's candidate is on it (it is made as the waning outcome is saved). */
    public CoordinatorScreens openRepeatQueueWith(UUID patientId) {
        Awaitility.await("the patient on the repeat-treatment queue").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.open("/repeat-treatments");
                    browser.waitFor(By.tagName("h1"));
                    return !browser.driver().findElements(candidateRow(patientId)).isEmpty();
                });
        return this;
    }

    /** "Consult booked" in the patient's row; returns what the row then says ("Consult booked by coordinator1"). */
    public String bookConsult(UUID patientId) {
        WebElement row = browser.driver().findElement(candidateRow(patientId));
        String rowId = row.getAttribute("id");
        row.findElement(By.cssSelector("button[value='CONSULT_BOOKED']")).click();
        return browser.waitFor(By.cssSelector("#" + rowId + " .decided")).getText();
    }

    /** "Dismiss" with a reason in the patient's row; returns what the row then says. */
    public String dismiss(UUID patientId, String reason) {
        WebElement row = browser.driver().findElement(candidateRow(patientId));
        String rowId = row.getAttribute("id");
        row.findElement(By.cssSelector("input[name='reason']")).sendKeys(reason);
        row.findElement(By.cssSelector("button[value='DISMISSED']")).click();
        return browser.waitFor(By.cssSelector("#" + rowId + " .decided")).getText();
    }

    /** The patient's timeline, once Chart.js has drawn the chart of pain and relief. */
    public CoordinatorScreens openTimeline(UUID patientId) {
        browser.open("/patients/" + patientId + "/timeline");
        browser.waitFor(By.id("pain-relief-chart"));
        Awaitility.await("the chart drawn").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> Boolean.TRUE.equals(browser.script(
                        "return !!(window.Chart && window.Chart.getChart(document.getElementById('pain-relief-chart')))")));
        return this;
    }

    private static By candidateRow(UUID patientId) {
        return By.xpath("//tr[starts-with(@id, 'candidate-')][th/a[contains(@href, '/patients/" + patientId + "/')]]");
    }

    private static String field(String visitId, String name) {
        return "o-" + visitId + "-" + name;
    }
}
