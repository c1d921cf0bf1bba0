package org.clinictracker.systemtests.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient's chart, a procedure's record and the adverse-event form, driven as a person does: by the links and
 * buttons on the pages. Each action ends on the page it leads to, loaded.
 */
public final class ChartScreens {

    /** An adverse event as the proceduralist reports it: the type's and severity's words as the form shows them. */
    public record AdverseEventReport(String type, String severity, boolean serious, LocalDate onsetOn, String notes) {
    }

    private final ClinicBrowser browser;

    public ChartScreens(ClinicBrowser browser) {
        this.browser = browser;
    }

    /** The chart of a patient, as reached from the search (h1: the patient's display name). */
    public ChartScreens openChart(UUID patientId) {
        browser.open("/patients/" + patientId);
        browser.waitFor(By.cssSelector("[data-mrn]"));
        return this;
    }

    /** The chart's heading (the patient's display name) and MRN. */
    public String chartHeading() {
        return browser.waitFor(By.tagName("h1")).getText();
    }

    public String mrn() {
        return browser.waitFor(By.cssSelector("[data-mrn]")).getText();
    }

    /** Whether the chart shows a section (e.g. {@code procedures}, {@code follow-up}, {@code screening}). */
    public boolean showsSection(String id) {
        return !browser.driver().findElements(By.cssSelector("section#" + id)).isEmpty();
    }

    /** From the chart, the procedure's record by its date link in the procedures table. */
    public ChartScreens openProcedureFromChart(UUID procedureId) {
        browser.waitFor(By.cssSelector("#procedures a[href='/procedures/" + procedureId + "']")).click();
        awaitRecordOf(procedureId);
        return this;
    }

    /** The record's versions, newest first: each heading ("Version 2, amended 2026-… by proceduralist1"). */
    public List<String> versionHeadings() {
        return browser.driver().findElements(By.cssSelector("ol.versions > li > h3")).stream()
                .map(WebElement::getText).toList();
    }

    /** The amendment reasons shown on the record, newest first. */
    public List<String> amendmentReasons() {
        return browser.driver().findElements(By.cssSelector("[data-amendment-reason]")).stream()
                .map(WebElement::getText).toList();
    }

    /** The record's "Report an adverse event" form, filled in but not sent (for a look at it). */
    public ChartScreens fillAdverseEvent(UUID procedureId, AdverseEventReport report) {
        browser.waitFor(By.linkText("Report an adverse event")).click();
        browser.waitFor(By.id("adverse-event-form"));
        awaitHtmx();
        new Select(browser.driver().findElement(By.id("type"))).selectByVisibleText(report.type());
        browser.driver().findElement(By.xpath("//fieldset[@id='severity']//label[normalize-space(.)='" + report.severity()
                + "']")).click();
        browser.driver().findElement(By.id(report.serious() ? "serious-true" : "serious-false")).click();
        setDate("onsetOn", report.onsetOn());
        type("notes", report.notes());
        return this;
    }

    /**
     * Reports the adverse event from the record's page and returns its id, once the record shows it (the form is
     * sent with htmx; the saved form brings the record back).
     */
    public String reportAdverseEvent(UUID procedureId, AdverseEventReport report) {
        List<String> before = adverseEventIds();
        fillAdverseEvent(procedureId, report);
        browser.driver().findElement(By.cssSelector("#adverse-event-form button[type=submit]")).click();
        awaitRecordOf(procedureId);
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT).withMessage("a new adverse event on the record")
                .until(d -> adverseEventIds().size() > before.size());
        return adverseEventIds().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }

    /** Updates an adverse event's course from the record: resolved on {@code resolvedOn}. */
    public ChartScreens recordResolved(UUID procedureId, String adverseEventId, LocalDate resolvedOn) {
        browser.waitFor(By.cssSelector("tr[data-adverse-event='" + adverseEventId + "'] a[href$='/edit']")).click();
        browser.waitFor(By.id("adverse-event-form"));
        awaitHtmx();
        new Select(browser.driver().findElement(By.id("outcome"))).selectByVisibleText("Resolved");
        setDate("resolvedOn", resolvedOn);
        browser.driver().findElement(By.cssSelector("#adverse-event-form button[type=submit]")).click();
        awaitRecordOf(procedureId);
        return this;
    }

    /** The cells of an adverse event's row on the record (event, severity, serious, onset, outcome, resolved on…). */
    public List<String> adverseEventRow(String adverseEventId) {
        WebElement row = browser.waitFor(By.cssSelector("tr[data-adverse-event='" + adverseEventId + "']"));
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    public List<String> adverseEventIds() {
        return browser.driver().findElements(By.cssSelector("tr[data-adverse-event]")).stream()
                .map(row -> row.getDomAttribute("data-adverse-event")).toList();
    }

    private void awaitRecordOf(UUID procedureId) {
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT)
                .withMessage(() -> "the record of procedure " + procedureId + " (still at " + browser.currentPath()
                        + "; alerts: " + alerts() + ")")
                .until(d -> browser.currentPath()
                .equals("/procedures/" + procedureId) && !d.findElements(By.id("versions")).isEmpty());
        browser.waitFor(By.id("versions-heading"));
    }

    /** What the page says went wrong (a refused form's summary, the connection banner), for a failed wait. */
    private String alerts() {
        return browser.driver().findElements(By.cssSelector("[role=alert]")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList().toString();
    }

    /** htmx sends the forms (with the gateway's CSRF header): wait until the page has loaded it. */
    private void awaitHtmx() {
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT)
                .until(d -> Boolean.TRUE.equals(browser.script("return typeof window.htmx !== 'undefined'")));
    }

    /**
     * A date input takes its value in the browser's locale when typed; setting it as the date picker does (ISO value
     * and an input event) keeps the screens independent of the locale.
     */
    private void setDate(String id, LocalDate date) {
        WebElement input = browser.driver().findElement(By.id(id));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, date.toString());
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        if (text != null) {
            input.sendKeys(text);
        }
    }
}
