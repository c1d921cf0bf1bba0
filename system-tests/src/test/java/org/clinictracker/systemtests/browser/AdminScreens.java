package org.clinictracker.systemtests.browser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clinic admin's screens, as a person uses them: a patient's audit trail (all three services' entries in
 * one list, narrowed to one request), and the follow-up protocols (a visit's window changed and saved as a new
 * version). Each method waits until the page shows the result and returns what it shows.
 */
public final class AdminScreens {

    private static final Pattern SAVED_VERSION = Pattern.compile("saved as version (\\d+)");

    private final ClinicBrowser browser;

    public AdminScreens(ClinicBrowser browser) {
        this.browser = browser;
    }

    /** One line of the audit screen: the service's code of what was done, and the words shown for it. */
    public record AuditRow(String action, String service, String requestId, String who, String what) {
    }

    /** Opens the patient's audit trail ({@code /patients/{id}/audit}) and returns its lines, newest first. */
    public List<AuditRow> openAuditTrail(String patientId) {
        browser.open("/patients/" + patientId + "/audit");
        browser.waitFor(By.id("audit-trail"));
        return auditRows();
    }

    /** Narrows the audit trail shown to one request id (the filter form), as typed by the admin. */
    public List<AuditRow> onlyRequest(String requestId) {
        WebElement filter = browser.waitFor(By.id("requestId"));
        filter.clear();
        filter.sendKeys(requestId, Keys.ENTER);
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT)
                .until(driver -> browser.currentPath().contains("requestId="));
        browser.waitFor(By.id("audit-trail"));
        return auditRows();
    }

    /** The protocols of every modality ({@code /admin/protocols}). */
    public void openProtocols() {
        browser.open("/admin/protocols");
        browser.waitFor(By.id("protocol-CRYONEUROLYSIS"));
    }

    /** From the protocols, the edit form of one modality (its "Change the … protocol" link). */
    public void openProtocolEdit(String modality) {
        openProtocols();
        browser.waitFor(By.id("change-" + modality)).click();
        browser.waitFor(By.id("protocol-form"));
    }

    /**
     * "Add a visit" then "Remove" on the new row, in place (htmx): the form gains a row with the focus in its name
     * field, and loses it again; nothing is saved. Returns the number of rows while the new one was there.
     */
    public int addAndRemoveAVisitRow() {
        int rows = visitRows();
        browser.waitFor(By.id("add-visit")).click();
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT).until(driver -> visitRows() == rows + 1);
        String focused = String.valueOf(browser.script("return document.activeElement.id"));
        if (!focused.equals("visits[" + rows + "]-label")) {
            throw new AssertionError("After 'Add a visit' the focus is on '" + focused + "', not the new row's name");
        }
        browser.waitFor(By.cssSelector("fieldset[data-row='" + rows + "'] button[name='change']")).click();
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT).until(driver -> visitRows() == rows);
        return rows + 1;
    }

    /**
     * Sets the "window closes, days after" of the visit named {@code visitLabel} (e.g. WEEK_2) in the open edit form
     * and saves it; back on the protocols, returns the version the save made.
     */
    public int changeWindowAfter(String visitLabel, int days) {
        WebElement windowAfter = windowAfterInput(visitLabel);
        windowAfter.clear();
        windowAfter.sendKeys(String.valueOf(days));
        browser.waitFor(By.id("save-protocol")).click();
        String saved = browser.waitFor(By.id("saved")).getText();
        Matcher version = SAVED_VERSION.matcher(saved);
        if (!version.find()) {
            throw new AssertionError("No version in the saved banner: " + saved);
        }
        return Integer.parseInt(version.group(1));
    }

    /**
     * Sets the visit's "window closes" days and saves, when someone else has saved the protocol since the form was
     * opened: the form stays with the admin's input and explains; returns the explanation's heading.
     */
    public String changeWindowAfterRefusedAsChangedMeanwhile(String visitLabel, int days) {
        WebElement windowAfter = windowAfterInput(visitLabel);
        windowAfter.clear();
        windowAfter.sendKeys(String.valueOf(days));
        browser.waitFor(By.id("save-protocol")).click();
        return browser.waitFor(By.cssSelector("#changed-meanwhile h2")).getText();
    }

    /** What the visit's "window closes" field of the open edit form holds. */
    public String windowAfterTyped(String visitLabel) {
        return windowAfterInput(visitLabel).getDomProperty("value");
    }

    private WebElement windowAfterInput(String visitLabel) {
        WebElement label = browser.waitFor(By.cssSelector("#protocol-form input[name$='.label'][value='" + visitLabel + "']"));
        String row = label.getDomAttribute("name").replaceAll("^visits\\[(\\d+)].*$", "$1");
        return browser.waitFor(By.id("visits[" + row + "]-windowAfterDays"));
    }

    /** The "window closes" days the protocols screen shows for a modality's visit. */
    public String windowAfterShown(String modality, String visitLabel) {
        return browser.waitFor(By.cssSelector("#protocol-" + modality + " tr[data-label='" + visitLabel + "'] td:nth-of-type(3)"))
                .getText();
    }

    private int visitRows() {
        return browser.driver().findElements(By.cssSelector("#protocol-form fieldset.visit-row")).size();
    }

    private List<AuditRow> auditRows() {
        return browser.driver().findElements(By.cssSelector("#audit-trail tbody tr[data-action]")).stream()
                .map(row -> {
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    return new AuditRow(row.getDomAttribute("data-action"), cells.get(3).getText(),
                            cells.get(4).getText(), cells.get(1).getText(), cells.get(2).getText());
                })
                .toList();
    }
}
