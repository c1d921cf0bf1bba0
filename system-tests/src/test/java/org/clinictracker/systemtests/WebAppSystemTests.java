package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.isRedirect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in the running clinic, as a browser meets it (an HTTP client keeping cookies, signed in through
 * Keycloak's real login form): its pages come through the gateway as HTML under the gateway's CSP, its redirects stay
 * on the gateway's origin, and a page's calls reach the real patient-service as the signed-in user. On its own port
 * it takes a bearer token and nothing else.
 */
class WebAppSystemTests {

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void a_signed_in_front_desk_user_gets_the_start_page_as_html_and_finds_a_real_chart_through_it() {
        String familyName = "Webpage" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        HttpAnswer registered = HttpAnswer.callWithJson("POST", clinic.baseUrl(ClinicService.GATEWAY) + "/api/patients",
                KeycloakTokens.accessTokenOfRole("front-desk"), """
                {"givenName":"Ottilie","familyName":"%s","birthDate":"1949-09-30","sex":"FEMALE",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"RIGHT","baselinePainScore":8}
                """.formatted(familyName));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        KeycloakBrowserLogin browser = signedIn("frontdesk1");

        // "/" (where the sign-in lands) sends the user to their start page, on the gateway's origin
        HttpResponse<String> start = browser.get(at("/"));
        assertThat(start.statusCode()).as("start: %s", start.body()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValue("/patients");

        HttpResponse<String> page = browser.get(at("/patients"));
        assertHtmlPage(page);
        assertThat(page.body()).as("the header names the signed-in user").contains("frontdesk1");

        // the page calls the API through the gateway with the user's token and shows what patient-service found
        HttpResponse<String> found = browser.get(at("/patients?q=" + familyName));
        assertHtmlPage(found);
        assertThat(found.body()).contains(familyName, "Ottilie");
    }

    @Test
    void on_its_own_port_the_web_app_takes_a_bearer_token_and_nothing_else() {
        String web = clinic.web().baseUrl();

        HttpAnswer anonymous = HttpAnswer.call("GET", web + "/patients", null);
        assertThat(anonymous.status()).isEqualTo(401);
        HttpAnswer forged = HttpAnswer.call("GET", web + "/patients", "not-a-token");
        assertThat(forged.status()).isEqualTo(401);

        HttpAnswer coordinator = HttpAnswer.call("GET", web + "/", KeycloakTokens.accessTokenOfRole("coordinator"));
        assertThat(coordinator.status()).isEqualTo(302);
        assertThat(coordinator.location()).isEqualTo("/worklist");
    }

    private static void assertHtmlPage(HttpResponse<String> page) {
        assertThat(page.statusCode()).as("%s: %s", page.uri(), page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("the gateway's CSP").hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(page.body()).contains("<main id=\"main\"");
    }

    private static KeycloakBrowserLogin signedIn(String user) {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        HttpResponse<String> back = browser.signIn(at("/"), user, KeycloakTokens.DEV_PASSWORD);
        assertThat(isRedirect(back)).as("the gateway took Keycloak's code").isTrue();
        return browser;
    }

    /** The browser reaches the gateway as localhost: the name its Keycloak client's redirect URIs use. */
    private static URI at(String path) {
        return URI.create(clinic.browserUrl() + path);
    }
}
