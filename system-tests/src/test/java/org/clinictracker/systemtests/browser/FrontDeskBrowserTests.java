package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.systemtests.browser.FrontDeskScreens.NewPatient;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front desk's day in a real browser, signed in through Keycloak's page: find a chart by typing, register a
 * patient, meet the duplicate warning and say "someone else", correct a phone number (and lose nothing when a
 * colleague saved the chart meanwhile), record a screening and a consent. Every main screen is checked with axe and
 * kept as a screenshot.
 */
class FrontDeskBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ClinicSystem clinic;
    private static ClinicBrowser browser;
    private static FrontDeskScreens desk;

    @BeforeAll
    static void signIn() {
        clinic = ClinicSystem.start();
        browser = ClinicBrowser.open(clinic).signIn("frontdesk1");
        desk = new FrontDeskScreens(browser);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_front_desk_finds_registers_corrects_screens_and_records_consent() throws Exception {
        String family = uniqueFamilyName("Brandl");

        // a chart registered earlier (through the API) is found as the clerk types its name
        String earlier = registerThroughTheApi("Theresia", family, "1951-04-12");
        assertThat(desk.findAsTyping(family.substring(0, 6))).contains(earlier);
        browser.checkAccessibility("front-desk-search");
        browser.screenshot("front-desk-search");
        assertThat(desk.findAsTyping("Zz" + family)).isEmpty();
        assertThat(browser.driver().findElement(By.id("search-results")).getText()).contains("No patient found");

        // a new patient is registered with the form
        NewPatient anna = NewPatient.knee("Anna", family, "1960-02-29");
        browser.open("/patients/new");
        browser.waitFor(By.id("givenName"));
        browser.checkAccessibility("front-desk-register");
        browser.screenshot("front-desk-register");
        String annaId = desk.registerPatient(anna);
        assertThat(chart(annaId).path("phone").asString()).isEqualTo(anna.phone());

        // the same name and birth date again: the warning shows Anna's chart, and the clerk says it is someone else
        List<String> candidates = desk.registerExpectingDuplicateWarning(anna);
        assertThat(candidates).containsExactly(annaId);
        assertThat(browser.driver().findElement(By.cssSelector("[data-candidate='" + annaId + "']")).getText())
                .contains(chart(annaId).path("mrn").asString(), "1960-02-29", anna.phone());
        browser.checkAccessibility("front-desk-duplicate-warning");
        browser.screenshot("front-desk-duplicate-warning");
        String secondAnna = desk.confirmSomeoneElse();
        assertThat(secondAnna).isNotEqualTo(annaId);
        assertThat(chart(secondAnna).path("familyName").asString()).isEqualTo(family);

        // the phone number of the chart found earlier is corrected
        desk.correctPhone(earlier, "+43 660 7654321");
        assertThat(chart(earlier).path("phone").asString()).isEqualTo("+43 660 7654321");

        // a colleague saves that chart while the clerk is typing: the clerk sees both and saves deliberately
        desk.openCorrection(earlier);
        desk.typeInto("phone", "+43 660 1111111");
        changePhoneBehindTheClerksBack(earlier, "+43 660 2222222");
        List<String> differences = desk.saveExpectingStaleEdit();
        assertThat(differences).anySatisfy(row -> assertThat(row).contains("Phone", "+43 660 2222222", "+43 660 1111111"));
        assertThat(browser.driver().findElement(By.id("phone")).getAttribute("value")).isEqualTo("+43 660 1111111");
        browser.checkAccessibility("front-desk-stale-edit");
        browser.screenshot("front-desk-stale-edit");
        desk.saveCorrection();
        assertThat(chart(earlier).path("phone").asString()).isEqualTo("+43 660 1111111");

        // Anna has a namesake born the same day: correcting her chart meets the same decision, and saves after it
        desk.openCorrection(annaId);
        desk.typeInto("phone", "+43 660 3333333");
        assertThat(desk.saveExpectingDuplicateWarning()).containsExactly(secondAnna);
        assertThat(desk.confirmSomeoneElse()).isEqualTo(annaId);
        assertThat(chart(annaId).path("phone").asString()).isEqualTo("+43 660 3333333");

        // the screening's result is shown in words
        String result = desk.recordScreening(annaId, 18, FrontDeskScreens.eligibleAnswers(), "CRYONEUROLYSIS");
        assertThat(result).isEqualTo("Eligible");
        browser.checkAccessibility("front-desk-screening-result");
        browser.screenshot("front-desk-screening-result");
        assertThat(chart(annaId).path("screening").path("result").asString()).isEqualTo("ELIGIBLE");

        // consent for the planned procedure
        String recorded = desk.recordConsent(annaId, "CRYONEUROLYSIS", "Dr. Ida Witness");
        assertThat(recorded).contains("Cryoneurolysis", "Dr. Ida Witness");
        browser.checkAccessibility("front-desk-consent");
        browser.screenshot("front-desk-consent");
    }

    @Test
    void on_a_tablet_the_search_and_the_screening_read_well_and_pass_axe() {
        String family = uniqueFamilyName("Tablet");
        String id = registerThroughTheApi("Rosa", family, "1948-11-03");
        try (ClinicBrowser tablet = ClinicBrowser.openTablet(clinic).signIn("frontdesk1")) {
            FrontDeskScreens onTablet = new FrontDeskScreens(tablet);
            assertThat(onTablet.findAsTyping(family)).containsExactly(id);
            tablet.checkAccessibility("front-desk-search-tablet");
            tablet.screenshot("front-desk-search-tablet");
            tablet.open("/patients/" + id + "/screening");
            tablet.waitFor(By.id("chronicPainMonths"));
            tablet.checkAccessibility("front-desk-screening-tablet");
            tablet.screenshot("front-desk-screening-tablet");
            // nothing wider than the tablet's screen: no sideways scrolling
            assertThat((Number) tablet.script("return document.documentElement.scrollWidth")).satisfies(
                    width -> assertThat(width.intValue()).isLessThanOrEqualTo(820));
        }
    }

    private static String uniqueFamilyName(String stem) {
        return stem + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
    }

    private static String registerThroughTheApi(String given, String family, String birthDate) {
        HttpAnswer registered = HttpAnswer.callWithJson("POST", api("/api/patients"), KeycloakTokens.accessTokenOfRole("front-desk"), """
                {"givenName":"%s","familyName":"%s","birthDate":"%s","sex":"FEMALE","phone":"+43 660 5550100",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"RIGHT","baselinePainScore":6}
                """.formatted(given, family, birthDate));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        return registered.json().path("id").asString();
    }

    private static JsonNode chart(String id) {
        HttpAnswer chart = HttpAnswer.call("GET", api("/api/patients/" + id), KeycloakTokens.accessTokenOfRole("front-desk"));
        assertThat(chart.status()).as("chart: %s", chart).isEqualTo(200);
        return chart.json();
    }

    /** Another clerk's correction, through the API with the version read just now. */
    private static void changePhoneBehindTheClerksBack(String id, String phone) throws IOException, InterruptedException {
        JsonNode now = chart(id);
        String body = """
                {"givenName":"%s","familyName":"%s","birthDate":"%s","sex":"%s","phone":"%s"}
                """.formatted(now.path("givenName").asString(), now.path("familyName").asString(),
                now.path("birthDate").asString(), now.path("sex").asString(), phone);
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create(api("/api/patients/" + id)))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KeycloakTokens.accessTokenOfRole("front-desk"))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + now.path("version").asInt() + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as("the colleague's correction: %s", saved.body()).isEqualTo(200);
    }

    private static String api(String path) {
        return clinic.baseUrl(ClinicService.GATEWAY) + path;
    }
}
