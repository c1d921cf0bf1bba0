package org.clinictracker.systemtests.browser;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The proceduralist's procedure form in a real browser, as a person uses it: pick the modality, the nerves from the
 * catalogue (one target row each, added with "Add a target"), type the parameters, save; amend a saved record with a
 * reason. Each action waits for what htmx swaps in before the next, so the methods chain into longer journeys.
 */
public final class RecordingScreens {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern PROCEDURE_PAGE = Pattern.compile("/procedures/([0-9a-f-]{36})$");

    private final ClinicBrowser browser;

    public RecordingScreens(ClinicBrowser browser) {
        this.browser = browser;
    }

    /** A cryoneurolysis as the proceduralist types it: targets (catalogue codes, one side) and the console's values. */
    public record Cryoneurolysis(String indication, List<String> nerves, String laterality, String probeTemperature,
            List<Integer> freezeSeconds, int painBefore, int painAfter) {

        /** The knee's three genicular nerves on the right at typical settings. */
        public static Cryoneurolysis ofTheRightKnee() {
            return new Cryoneurolysis("KNEE_OSTEOARTHRITIS",
                    List.of("SUPEROMEDIAL_GENICULAR", "SUPEROLATERAL_GENICULAR", "INFEROMEDIAL_GENICULAR"), "RIGHT", "-80",
                    List.of(90, 90), 7, 2);
        }
    }

    /** Opens the form for the patient, fills in the case and opens the case's page. */
    public String recordCryoneurolysis(String patientId, Cryoneurolysis procedure) {
        openForm(patientId);
        fillIn(procedure);
        return save();
    }

    /** The empty form for a patient. */
    public RecordingScreens openForm(String patientId) {
        browser.open("/procedures/new?patientId=" + patientId);
        browser.waitFor(By.id("procedure-form"));
        return this;
    }

    /** Everything but the save: the modality, the indication, the targets, the parameters, the pain scores. */
    public RecordingScreens fillIn(Cryoneurolysis procedure) {
        chooseModality("CRYONEUROLYSIS");
        select("indication-code", procedure.indication());
        select("imagingGuidance", "ULTRASOUND");
        for (int row = 0; row < procedure.nerves().size(); row++) {
            if (row > 0) {
                addTarget(row);
            }
            select("targets[" + row + "]-nerve", procedure.nerves().get(row));
            select("targets[" + row + "]-laterality", procedure.laterality());
        }
        typeProbeTemperature(procedure.probeTemperature());
        for (int cycle = 0; cycle < procedure.freezeSeconds().size(); cycle++) {
            if (cycle > 0) {
                browser.waitFor(By.id("add-cycle")).click();
            }
            type(browser.waitFor(By.id("cryo-cycles[" + cycle + "]-seconds")), String.valueOf(procedure.freezeSeconds().get(cycle)));
        }
        browser.waitFor(By.cssSelector("label[for='cryo-iceBallVisualized']")).click();
        type(browser.waitFor(By.id("painBefore")), String.valueOf(procedure.painBefore()));
        type(browser.waitFor(By.id("painAfter")), String.valueOf(procedure.painAfter()));
        return this;
    }

    public RecordingScreens chooseModality(String modality) {
        browser.waitFor(By.cssSelector("label[for='modality-" + modality + "']")).click();
        browser.waitFor(By.cssSelector("fieldset[data-modality='" + modality + "']"));
        return this;
    }

    /** Adds target row {@code row} (0-based) and waits until its nerve picker is there. */
    public RecordingScreens addTarget(int row) {
        browser.waitFor(By.id("add-target")).click();
        browser.waitFor(By.id("targets[" + row + "]-nerve"));
        return this;
    }

    /** Chooses a nerve for a target row; for a nerve with levels, waits for the level select htmx brings. */
    public RecordingScreens chooseNerve(int row, String nerve) {
        select("targets[" + row + "]-nerve", nerve);
        return this;
    }

    /** Types the probe temperature as a person does, key by key (each key may ask for the draft's warnings). */
    public RecordingScreens typeProbeTemperature(String celsius) {
        type(browser.waitFor(By.id("cryo-probeTemperatureCelsius")), celsius);
        return this;
    }

    /** The warning shown beside the probe temperature once it appears (within 15 s). */
    public String awaitProbeTemperatureWarning() {
        return until("a warning beside the probe temperature", () -> {
            String text = probeTemperatureWarnings();
            return text.isBlank() ? null : text;
        });
    }

    /** Waits until no warning is shown beside the probe temperature. */
    public void awaitNoProbeTemperatureWarning() {
        until("the warning beside the probe temperature to go", () -> probeTemperatureWarnings().isBlank() ? "" : null);
    }

    private String probeTemperatureWarnings() {
        return browser.driver().findElement(By.id("cryo-probeTemperatureCelsius-warnings")).getText();
    }

    /** Saves the form and returns the id of the procedure whose page the browser was sent to. */
    public String save() {
        browser.waitFor(By.cssSelector("#procedure-form button[type='submit']")).click();
        return until("the saved procedure's page", () -> {
            Matcher page = PROCEDURE_PAGE.matcher(browser.currentPath());
            return page.find() ? page.group(1) : null;
        });
    }

    /** A late entry: the case was performed {@code daysAgo} days ago at 10:00 (the form's date-time field, set as the browser's picker would). */
    public RecordingScreens performedDaysAgo(int daysAgo) {
        String local = java.time.LocalDate.now().minusDays(daysAgo) + "T10:00";
        browser.script("arguments[0].value = arguments[1]", browser.waitFor(By.id("performedAt")), local);
        return this;
    }

    /** Opens the amendment of a record, the form prefilled. */
    public RecordingScreens openAmendment(String procedureId) {
        browser.open("/procedures/" + procedureId + "/amend");
        browser.waitFor(By.id("amendmentReason"));
        return this;
    }

    /** Types the reason for the amendment and saves it; the browser ends on the procedure's page. */
    public void amendWithReason(String reason) {
        type(browser.waitFor(By.id("amendmentReason")), reason);
        save();
    }

    private void select(String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private <T> T until(String what, java.util.function.Supplier<T> found) {
        try {
            return new WebDriverWait(browser.driver(), WAIT).until(driver -> found.get());
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what + " on " + browser.currentPath(), e);
        }
    }
}
