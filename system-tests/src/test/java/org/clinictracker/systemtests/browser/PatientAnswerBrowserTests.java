package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.AnswerFields;
import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import tools.jackson.databind.JsonNode;

/**
 * The patient's side of issue 12 in real headless Chromium at a phone's size: the link from the clinic's e-mail
 * (received by the test's SMTP server) opens the questions with no account; she answers by tapping the labels,
 * as on a touch screen, is told what is missing when she skips the one required question, and sees the thanks.
 * Each page passes axe-core (no serious or critical WCAG violation), runs no script, fits the screen down to 320
 * pixels wide without sideways scrolling, and is photographed ({@code target/screenshots/patient-*.png}).
 */
class PatientAnswerBrowserTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** WCAG 2.5.5's target size, which the answer page promises for its choices. */
    private static final int TAP_TARGET = 44;

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void on_her_phone_a_patient_opens_the_emailed_link_answers_by_tapping_and_is_thanked() {
        String email = "hannah." + letters(8) + "@example.org";
        // month 3 of a knee cryoneurolysis 90 days ago: due today
        TreatedKneePatient hannah = TreatedKneePatient.treatedDaysAgo(gateway(), 90, "Hannah", email);
        String visitId = hannah.visit("MONTH_3").id();
        awaitEmailOnFile(hannah, visitId);
        hannah.issuePatientLink(visitId, "EMAIL");
        String link = clinic.mail().awaitMessageTo(email, WITHIN).link();

        try (ClinicBrowser phone = ClinicBrowser.openPhone(clinic)) {
            phone.openLink(link);
            assertThat(phone.waitFor(By.tagName("h1")).getText()).contains("Hannah");
            assertThat(phone.pageStatus()).isEqualTo(200);
            assertThat(phone.driver().findElements(By.tagName("script"))).as("the answer page runs no script").isEmpty();
            assertThat(phone.driver().getPageSource()).doesNotContain(hannah.familyName).doesNotContain("Cryoneurolysis")
                    .doesNotContain("genicular");
            phone.checkAccessibility("patient-questions");
            phone.screenshot("patient-questions-phone");
            phone.assertFitsTheWidth();
            assertThat(choiceLabels(phone, AnswerFields.PAIN_NOW)).as("the 0-10 choices of pain now").hasSize(11)
                    .allSatisfy(label -> assertThat(label.getSize().getHeight()).as("tap target height")
                            .isGreaterThanOrEqualTo(TAP_TARGET));

            // she skips "pain right now", the one question that must be answered
            tap(phone, AnswerFields.RELIEF, "60");
            submit(phone);
            assertThat(phone.pageStatus()).as("the page again, saying what is missing").isEqualTo(422);
            assertThat(phone.waitFor(By.tagName("h1")).getText()).isNotBlank();
            WebElement painNow = input(phone, AnswerFields.PAIN_NOW, "0");
            String errorId = phone.driver().findElement(By.cssSelector("a[href='#" + AnswerFields.PAIN_NOW + "']"))
                    .getDomAttribute("href").substring(1);
            assertThat(painNow.getDomAttribute("id")).as("the error summary links to the question").isEqualTo(errorId);
            String describedBy = painNow.findElement(By.xpath("ancestor::fieldset")).getDomAttribute("aria-describedby");
            assertThat(describedBy).as("the message is tied to the pain-now question").contains(AnswerFields.PAIN_NOW + "-error");
            assertThat(phone.driver().findElement(By.id(AnswerFields.PAIN_NOW + "-error")).getText()).isNotBlank();
            phone.checkAccessibility("patient-questions-error");
            phone.screenshot("patient-questions-error-phone");
            assertThat(input(phone, AnswerFields.RELIEF, "60").isSelected()).as("her answers are kept").isTrue();

            tap(phone, AnswerFields.PAIN_NOW, "2");
            tap(phone, AnswerFields.PAIN_AVERAGE, "3");
            tap(phone, AnswerFields.ENJOYMENT, "2");
            tap(phone, AnswerFields.ACTIVITY, "3");
            tap(phone, AnswerFields.SATISFACTION, "5");
            tap(phone, AnswerFields.SENSATION, AnswerFields.NO);
            submit(phone);
            assertThat(phone.waitFor(By.tagName("h1")).getText()).contains("Thank you");
            assertThat(phone.driver().findElement(By.tagName("body")).getText()).contains("Hannah");
            phone.checkAccessibility("patient-thanks");
            phone.screenshot("patient-thanks-phone");
            phone.assertFitsTheWidth();
            phone.assertNoConsoleErrors();
        }

        JsonNode outcome = call("GET", "/api/followups/" + visitId + "/outcome", null).json();
        assertThat(outcome.get("reportedBy").asString()).isEqualTo("PATIENT");
        assertThat(outcome.get("painScore").asInt()).isEqualTo(2);
        assertThat(outcome.get("reliefPercent").asInt()).isEqualTo(60);
        assertThat(outcome.get("functionScore").get("instrument").asString()).isEqualTo("PEG");
        assertThat(hannah.worklistRow(visitId).get("patientLink").get("state").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void on_a_320_pixel_phone_the_questions_and_their_errors_fit_without_sideways_scrolling() {
        TreatedKneePatient mia = TreatedKneePatient.treatedDaysAgo(gateway(), 90, "Mia", null);
        String visitId = mia.visit("MONTH_3").id();
        String link = mia.issuePatientLink(visitId, "IN_CLINIC").get("link").asString();

        try (ClinicBrowser phone = ClinicBrowser.openNarrowPhone(clinic)) {
            phone.openLink(link);
            assertThat(phone.waitFor(By.tagName("h1")).getText()).contains("Mia");
            assertNoSidewaysScrolling(phone, "the questions");
            phone.screenshot("patient-questions-320");
            submit(phone);
            assertThat(phone.pageStatus()).isEqualTo(422);
            assertNoSidewaysScrolling(phone, "the questions with their errors");
            phone.checkAccessibility("patient-questions-error-320");
            phone.screenshot("patient-questions-error-320");
            phone.assertNoConsoleErrors();
        }
    }

    @Test
    void a_used_or_unknown_link_gets_a_plain_page_that_names_nobody() {
        try (ClinicBrowser phone = ClinicBrowser.openPhone(clinic)) {
            phone.openLink(clinic.browserUrl() + "/answer?token=" + "A".repeat(43));
            assertThat(phone.pageStatus()).isEqualTo(404);
            assertThat(phone.waitFor(By.tagName("h1")).getText()).isNotBlank();
            assertThat(phone.driver().findElements(By.tagName("form"))).as("nothing to fill in").isEmpty();
            phone.checkAccessibility("patient-link-unknown");
            phone.screenshot("patient-link-unknown-phone");
            assertNoSidewaysScrolling(phone, "the not-recognised page");
        }
    }

    @Test
    void a_coordinator_emails_the_questions_from_the_worklist_and_finds_the_answers_under_answered_by_patients() {
        String email = "nora." + letters(8) + "@example.org";
        TreatedKneePatient nora = TreatedKneePatient.treatedDaysAgo(gateway(), 90, "Nora", email);
        String visitId = nora.visit("MONTH_3").id();
        awaitEmailOnFile(nora, visitId);

        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn("coordinator1");
            CoordinatorScreens coordinator = new CoordinatorScreens(browser);
            coordinator.openVisitsOf(nora.id);
            assertThat(coordinator.emailQuestions(visitId)).startsWith("Questions e-mailed").contains("n•••@example.org");
            assertThat(coordinator.linkState(visitId)).startsWith("Questions e-mailed");
            browser.checkAccessibility("coordinator-questions-emailed");
            browser.screenshot("coordinator-questions-emailed");
            String link = clinic.mail().awaitMessageTo(email, WITHIN).link();

            // Nora answers on her phone
            try (ClinicBrowser phone = ClinicBrowser.openPhone(clinic)) {
                phone.openLink(link);
                tap(phone, AnswerFields.PAIN_NOW, "6");
                tap(phone, AnswerFields.SATISFACTION, "2");
                submit(phone);
                assertThat(phone.waitFor(By.tagName("h1")).getText()).contains("Thank you");
            }

            coordinator.openWorklist("answered");
            assertThat(browser.waitFor(By.cssSelector("nav[aria-label='Worklist views'] a[aria-current='page']")).getText())
                    .startsWith("Answered by patients");
            assertThat(browser.waitFor(By.id("answers-" + visitId)).getText()).contains("Reported by the patient", "6/10");
            WebElement review = browser.waitFor(By.cssSelector("#actions-" + visitId + " button[type='submit']"));
            assertThat(review.getText()).isEqualTo("Looks right");
            browser.checkAccessibility("coordinator-answered-by-patients");
            browser.screenshot("coordinator-answered-by-patients");
            review.click();
            Awaitility.await("the answers marked reviewed").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> call("GET", "/api/followups/" + visitId + "/outcome", null).json().path("reviewedBy")
                            .asString("").equals("coordinator1"));
            browser.assertNoConsoleErrors();
        }
    }

    /** Taps the label of the choice {@code value} of question {@code name}, as a finger would; fails unless it is then chosen. */
    static void tap(ClinicBrowser browser, String name, String value) {
        WebElement choice = input(browser, name, value);
        String id = choice.getDomAttribute("id");
        List<WebElement> labels = id == null ? List.of()
                : browser.driver().findElements(By.cssSelector("label[for='" + id + "']"));
        WebElement label = labels.isEmpty() ? choice.findElement(By.xpath("ancestor::label")) : labels.get(0);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(choice.isSelected()).as("%s=%s chosen by tapping its label", name, value).isTrue();
    }

    private static WebElement input(ClinicBrowser browser, String name, String value) {
        return browser.waitFor(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    }

    private static List<WebElement> choiceLabels(ClinicBrowser browser, String name) {
        return browser.driver().findElements(By.cssSelector("input[name='" + name + "']")).stream()
                .map(choice -> {
                    List<WebElement> labels = browser.driver().findElements(
                            By.cssSelector("label[for='" + choice.getDomAttribute("id") + "']"));
                    return labels.isEmpty() ? choice.findElement(By.xpath("ancestor::label")) : labels.get(0);
                })
                .toList();
    }

    private static void submit(ClinicBrowser browser) {
        WebElement button = browser.waitFor(By.cssSelector("form[method='post' i] [type='submit']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
        WebElement page = browser.driver().findElement(By.tagName("html"));
        button.click();
        // a plain form post: done once the old page is gone and the new one has loaded
        Awaitility.await("the page the form's post answers").atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> isStale(page) && "complete".equals(browser.script("return document.readyState")));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    private static void assertNoSidewaysScrolling(ClinicBrowser browser, String what) {
        Object widths = browser.script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        @SuppressWarnings("unchecked")
        List<Number> measured = (List<Number>) widths;
        assertThat(measured.get(0).intValue()).as("%s: scrollWidth against clientWidth %s", what, measured.get(1))
                .isLessThanOrEqualTo(measured.get(1).intValue());
    }

    private static void awaitEmailOnFile(TreatedKneePatient patient, String visitId) {
        Awaitility.await("followup-service knows the patient's e-mail address").atMost(WITHIN)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> patient.worklistRow(visitId).path("emailOnFile").asBoolean(false));
    }

    private static HttpAnswer call(String method, String path, String json) {
        String token = KeycloakTokens.accessToken("coordinator1");
        String url = gateway() + path;
        return json == null ? HttpAnswer.call(method, url, token) : HttpAnswer.callWithJson(method, url, token, json);
    }

    private static String gateway() {
        return clinic.baseUrl(ClinicService.GATEWAY);
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
