package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.isRedirect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The web app stopped (restarting, being deployed) while a signed-in user opens a page: the person gets a small HTML
 * page saying so with Retry-After, not JSON; a request that does not ask for HTML (htmx, a script) keeps the
 * clinic's 503 problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class WebAppAwayTests {

    private static final GatewayUnderTest GATEWAY = new GatewayUnderTest();
    /** Bound, never listening: every connection is refused, and no other process can take the port meanwhile. */
    private static final Socket STOPPED_WEB_APP = new Socket();

    @DynamicPropertySource
    static void webAppIsStopped(DynamicPropertyRegistry registry) throws IOException {
        GATEWAY.register(registry, Map.of());
        STOPPED_WEB_APP.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        registry.add("WEB_APP_URL", () -> "http://127.0.0.1:" + STOPPED_WEB_APP.getLocalPort());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        GATEWAY.close();
        STOPPED_WEB_APP.close();
    }

    @Test
    void a_page_opened_while_the_web_app_is_away_is_a_short_html_page_asking_to_try_again() {
        KeycloakBrowserLogin browser = signedIn("frontdesk1");

        HttpResponse<String> page = browser.get(GATEWAY.at("/patients"));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'", "style-src 'self'"));
        assertThat(page.body()).contains("<title>Starting or away · Clinic tracker</title>",
                "<h1>Clinic tracker</h1>", "The clinic's web app is starting or away; try again in a moment.")
                .doesNotContain("<script", "style=");
    }

    @Test
    void an_htmx_request_while_the_web_app_is_away_gets_the_clinics_problem() {
        KeycloakBrowserLogin browser = signedIn("frontdesk1");

        HttpResponse<String> search = browser.get(GATEWAY.at("/patients/search?q=ada"), "Accept", "*/*",
                "HX-Request", "true");
        assertThat(search.statusCode()).isEqualTo(503);
        assertThat(search.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(search.headers().firstValue("Retry-After")).hasValue("10");
        JsonNode problem = GatewayUnderTest.JSON.readTree(search.body());
        assertThat(problem.get("code").asString()).isEqualTo("service-unavailable");
        assertThat(problem.get("detail").asString()).startsWith("The web app cannot answer right now");
    }

    /** A patient's link opened (or answers sent) while the web app is away: a page for the patient, still no-store. */
    @Test
    void the_patients_answer_page_while_the_web_app_is_away_says_what_to_do() {
        KeycloakBrowserLogin patient = new KeycloakBrowserLogin();

        for (HttpResponse<String> page : List.of(
                patient.get(GATEWAY.at("/answer?token=Zq3vT0kP_8bWm-1xYc7RuLh2JsNa9EdFo4GiKt5UwQe"), "Accept", "text/html"),
                patient.post(GATEWAY.at("/answer"), "token=Zq3vT0kP_8bWm-1xYc7RuLh2JsNa9EdFo4GiKt5UwQe&painNow=2",
                        "Content-Type", "application/x-www-form-urlencoded"))) {
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body()).contains("<title>Please try again in a few minutes</title>",
                    "If you had just sent your answers, opening the link again shows whether they arrived.")
                    .doesNotContain("Clinic tracker", "<script", "style=");
        }
    }

    private static KeycloakBrowserLogin signedIn(String user) {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        HttpResponse<String> back = browser.signIn(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH), user,
                KeycloakTokens.DEV_PASSWORD);
        assertThat(isRedirect(back)).as("the gateway took the code").isTrue();
        return browser;
    }
}
