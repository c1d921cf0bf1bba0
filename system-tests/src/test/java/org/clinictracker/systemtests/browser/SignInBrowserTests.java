package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The four dev users in a real browser: each signs in through Keycloak's login page and lands on the start page of
 * their job, named in the header; a front-desk user asking for a coordinator's screen gets the web app's "not for
 * your role" page and none of its data; signing out ends the session. Every page is checked with axe-core, kept as a
 * screenshot, and must log no console error (a CSP violation would be one).
 */
class SignInBrowserTests {

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({
            "frontdesk1,     /patients",
            "proceduralist1, /patients",
            "coordinator1,   /worklist",
            "admin1,         /patients"})
    void each_user_signs_in_through_keycloak_and_lands_on_their_start_page(String user, String startPage) {
        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn(user);

            assertThat(browser.currentPath()).isEqualTo(startPage);
            assertThat(browser.pageStatus()).isEqualTo(200);
            assertThat(browser.waitFor(By.cssSelector(".app-header .who")).getText()).contains(user);
            browser.assertFitsTheWidth();
            browser.checkAccessibility("start-page-" + user);
            browser.screenshot("start-page-" + user);
            browser.assertNoConsoleErrors();
        }
    }

    @ParameterizedTest(name = "{0} on a tablet")
    @CsvSource({"frontdesk1", "proceduralist1", "coordinator1", "admin1"})
    void each_users_start_page_reads_on_a_tablet(String user) {
        try (ClinicBrowser browser = ClinicBrowser.openTablet(clinic)) {
            browser.signIn(user);

            assertThat(browser.pageStatus()).isEqualTo(200);
            browser.assertFitsTheWidth();
            browser.checkAccessibility("start-page-" + user + "-tablet");
            browser.screenshot("start-page-" + user + "-tablet");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void a_front_desk_user_is_refused_the_coordinators_screens_and_sees_none_of_their_data() {
        String familyName = "Refusal" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        String patientId = registered(familyName);
        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn("frontdesk1");

            for (String coordinatorScreen : List.of("/worklist", "/repeat-treatments", "/patients/" + patientId + "/timeline")) {
                browser.open(coordinatorScreen);

                assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("This screen is not for your role");
                assertThat(browser.currentPath()).as("no redirect elsewhere").isEqualTo(coordinatorScreen);
                assertThat(browser.pageStatus()).as("HTTP status of %s", coordinatorScreen).isEqualTo(403);
                assertThat(browser.driver().findElements(By.cssSelector("main table, main canvas, main form")))
                        .as("worklist, chart or outcome form on the refusal of %s", coordinatorScreen).isEmpty();
                assertThat(browser.driver().getPageSource()).doesNotContain(familyName);
                assertThat(browser.waitFor(By.cssSelector(".app-header .who")).getText()).contains("frontdesk1");
            }
            browser.checkAccessibility("front-desk-refused-timeline");
            browser.screenshot("front-desk-refused-timeline");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void signing_out_ends_the_session_and_the_next_page_asks_to_sign_in_again() {
        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn("coordinator1");
            browser.signOut();

            browser.open("/worklist");
            browser.waitFor(By.id("username"));
            assertThat(browser.driver().getCurrentUrl()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/auth");
            browser.screenshot("signed-out");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void when_the_session_has_ended_the_next_page_signs_the_user_in_again() {
        try (ClinicBrowser browser = ClinicBrowser.open(clinic)) {
            browser.signIn("coordinator1");
            // the gateway's session and Keycloak's end (their cookies, on host localhost, are gone)
            browser.driver().manage().deleteAllCookies();

            browser.open("/repeat-treatments");
            assertThat(browser.currentPath()).isEqualTo("/repeat-treatments");
            assertThat(browser.pageStatus()).isEqualTo(200);
            assertThat(browser.waitFor(By.cssSelector(".app-header .who")).getText()).contains("coordinator1");
        }
    }

    /** A chart made through the API, so the refused timeline is a real patient's. */
    private static String registered(String familyName) {
        HttpAnswer answer = HttpAnswer.callWithJson("POST", clinic.baseUrl(ClinicService.GATEWAY) + "/api/patients",
                KeycloakTokens.accessTokenOfRole("front-desk"), """
                {"givenName":"Ottilie","familyName":"%s","birthDate":"1949-09-30","sex":"FEMALE",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"RIGHT","baselinePainScore":8}
                """.formatted(familyName));
        assertThat(answer.status()).as("registration: %s", answer).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
