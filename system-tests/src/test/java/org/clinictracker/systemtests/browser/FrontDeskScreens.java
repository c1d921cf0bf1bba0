package org.clinictracker.systemtests.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The front desk's main actions, done as a clerk does them in the browser: find a patient by typing, register one
 * (through the duplicate decision when it comes), correct a chart, record a screening and a consent. Each method
 * starts from the page it needs and returns when the clinic has answered; the lead's journey test chains them.
 */
public final class FrontDeskScreens {

    private static final Pattern CHART = Pattern.compile("/patients/([0-9a-f-]{36})(?:\\?.*)?");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ClinicBrowser browser;

    public FrontDeskScreens(ClinicBrowser browser) {
        this.browser = browser;
    }

    /** Someone to register, as a clerk would take the details down. */
    public record NewPatient(String givenName, String familyName, String birthDate, String sex, String phone,
            String indication, String laterality, String painDurationMonths, String baselinePainScore) {

        /** A knee patient with only the intake the journey needs. */
        public static NewPatient knee(String givenName, String familyName, String birthDate) {
            return new NewPatient(givenName, familyName, birthDate, "FEMALE", "+43 660 1234567",
                    "KNEE_OSTEOARTHRITIS", "LEFT", "18", "7");
        }
    }

    /**
     * Types {@code typed} into the search box key by key, as a clerk does, and waits for the results that follow
     * the typing (no Enter, no button). Returns the ids of the charts found (empty: the page said "no patient found").
     */
    public List<String> findAsTyping(String typed) {
        browser.open("/patients");
        WebElement box = browser.waitFor(By.id("patient-search"));
        box.clear();
        for (char key : typed.toCharArray()) {
            box.sendKeys(String.valueOf(key));
        }
        WebElement results = browser.driver().findElement(By.id("search-results"));
        waitUntil("search results for " + typed, () -> {
            String text = results.getText();
            return text.contains("“" + typed + "”") || text.contains("No patient found");
        });
        return results.findElements(By.cssSelector("tr[data-patient-id]")).stream()
                .map(row -> row.getAttribute("data-patient-id")).toList();
    }

    /** Registers {@code patient}, expecting no duplicate warning; returns the new chart's id. */
    public String registerPatient(NewPatient patient) {
        fillRegistration(patient);
        browser.driver().findElement(By.cssSelector("[data-action=register]")).click();
        return openedChart("registering " + patient.familyName());
    }

    /**
     * Fills the registration form and submits it, expecting the duplicate warning; returns the ids of the existing
     * charts it shows, the warning still on the screen for a look or a screenshot.
     */
    public List<String> registerExpectingDuplicateWarning(NewPatient patient) {
        fillRegistration(patient);
        browser.driver().findElement(By.cssSelector("[data-action=register]")).click();
        browser.waitFor(By.cssSelector("[data-duplicate-warning]"));
        return browser.driver().findElements(By.cssSelector("[data-candidate]")).stream()
                .map(candidate -> candidate.getAttribute("data-candidate")).toList();
    }

    /**
     * On the duplicate warning: "This is someone else" for every chart shown; returns the id of the chart that opens
     * (the new one after a registration, the corrected one after a correction).
     */
    public String confirmSomeoneElse() {
        while (true) {
            WebElement someoneElse = browser.waitFor(By.cssSelector("[data-action=not-duplicate]"));
            someoneElse.click();
            // the answer replaces the form (another chart to decide on) or opens the new chart
            waitUntil("the registration to go on", () -> isStale(someoneElse));
            if (CHART.matcher(browser.currentPath()).matches()) {
                return openedChart("confirming someone else");
            }
        }
    }

    /** Opens the chart's correction form and saves a new phone number; returns when the chart opens. */
    public void correctPhone(String patientId, String phone) {
        openCorrection(patientId);
        typeInto("phone", phone);
        browser.driver().findElement(By.cssSelector("[data-action=save]")).click();
        openedChart("correcting the phone of " + patientId);
    }

    /** Opens the correction form and types a new phone number without saving (for a stale edit to be made). */
    public void openCorrection(String patientId) {
        browser.open("/patients/" + patientId + "/edit");
        browser.waitFor(By.id("phone"));
    }

    /** Types into an input of the form shown (by id), replacing what is there. */
    public void typeInto(String id, String value) {
        WebElement input = browser.waitFor(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    /**
     * Saves the open correction, expecting the duplicate warning (the chart's name and birth date match another's);
     * returns the ids of the charts it shows. {@link #confirmSomeoneElse()} then saves it.
     */
    public List<String> saveExpectingDuplicateWarning() {
        browser.driver().findElement(By.cssSelector("[data-action=save]")).click();
        browser.waitFor(By.cssSelector("[data-duplicate-warning]"));
        return browser.driver().findElements(By.cssSelector("[data-candidate]")).stream()
                .map(candidate -> candidate.getAttribute("data-candidate")).toList();
    }

    /** Saves the open correction, expecting the stale-edit explanation; returns the rows "field: stored → typed". */
    public List<String> saveExpectingStaleEdit() {
        browser.driver().findElement(By.cssSelector("[data-action=save]")).click();
        WebElement stale = browser.waitFor(By.cssSelector("[data-stale-edit]"));
        return stale.findElements(By.cssSelector("tr[data-field]")).stream().map(WebElement::getText).toList();
    }

    /** Saves the open correction (after a stale edit: over the new version); returns when the chart opens. */
    public void saveCorrection() {
        browser.driver().findElement(By.cssSelector("[data-action=save]")).click();
        openedChart("saving the correction");
    }

    /**
     * Records a screening with these yes/no answers (API names to {@code true}/{@code false}; the others stay "not
     * known") and the months of pain; returns the result as the result page says it ("Eligible", "Not eligible",
     * "Needs review").
     */
    public String recordScreening(String patientId, int painMonths, Map<String, Boolean> answers, String plannedModality) {
        browser.open("/patients/" + patientId + "/screening");
        typeInto("chronicPainMonths", String.valueOf(painMonths));
        answers.forEach((question, yes) -> browser.driver().findElement(By.id(question + (yes ? "-yes" : "-no"))).click());
        if (plannedModality != null) {
            new Select(browser.driver().findElement(By.id("plannedModality"))).selectByValue(plannedModality);
        }
        browser.driver().findElement(By.cssSelector("[data-action=record-screening]")).click();
        waitUntil("the screening result", () -> browser.currentPath().endsWith("/screening/result"));
        return browser.waitFor(By.cssSelector("[data-screening-result] h2 .badge")).getText();
    }

    /** The answers of a patient who meets every criterion. */
    public static Map<String, Boolean> eligibleAnswers() {
        return Map.of("peripheralNerveDistribution", true, "refractoryToMedication", true,
                "refractoryToPhysicalTherapy", true, "activeInfection", false, "coagulopathy", false,
                "anticoagulated", false, "severePeripheralVascularDisease", false, "coldIntolerance", false);
    }

    /** Records a consent signed today for {@code modality}, witnessed by {@code witness}; returns the confirmation. */
    public String recordConsent(String patientId, String modality, String witness) {
        browser.open("/patients/" + patientId + "/consent");
        new Select(browser.waitFor(By.id("procedure"))).selectByValue(modality);
        typeInto("witness", witness);
        browser.driver().findElement(By.cssSelector("[data-action=record-consent]")).click();
        return browser.waitFor(By.cssSelector("[data-consent-recorded]")).getText();
    }

    private void fillRegistration(NewPatient patient) {
        browser.open("/patients/new");
        typeInto("givenName", patient.givenName());
        typeInto("familyName", patient.familyName());
        setDate("birthDate", patient.birthDate());
        new Select(browser.driver().findElement(By.id("sex"))).selectByValue(patient.sex());
        typeInto("phone", patient.phone());
        if (patient.indication() != null) {
            new Select(browser.driver().findElement(By.id("indication-code"))).selectByValue(patient.indication());
        }
        if (patient.laterality() != null) {
            new Select(browser.driver().findElement(By.id("laterality"))).selectByValue(patient.laterality());
        }
        if (patient.painDurationMonths() != null) {
            typeInto("painDurationMonths", patient.painDurationMonths());
        }
        if (patient.baselinePainScore() != null) {
            typeInto("baselinePainScore", patient.baselinePainScore());
        }
    }

    /** A date input takes keys in the browser's locale format; its value is set as the ISO date it submits. */
    private void setDate(String id, String isoDate) {
        WebElement input = browser.waitFor(By.id(id));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, isoDate);
    }

    private String openedChart(String doing) {
        waitUntil(doing + " to open the chart", () -> CHART.matcher(browser.currentPath()).matches());
        Matcher chart = CHART.matcher(browser.currentPath());
        if (!chart.matches()) {
            throw new AssertionError(doing + ": not on a chart but " + browser.currentPath());
        }
        return chart.group(1);
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        }
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser.driver(), WAIT).until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what + "; at " + browser.currentPath()
                    + ": " + browser.driver().findElement(By.tagName("main")).getText(), e);
        }
    }
}
