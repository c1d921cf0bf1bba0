package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.isRedirect;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.location;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.testsupport.keycloak.KeycloakAdmin;
import org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A front-desk user of the web app, driven like a browser (an HTTP client keeping cookies) through Keycloak's real
 * login form, against the gateway and the real patient-service behind it: the session cookie reads and, with the
 * CSRF token, writes real charts; a change without the CSRF token is refused and stores nothing; logout ends the
 * gateway's session and Keycloak's.
 */
class BrowserSessionSystemTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void a_front_desk_session_registers_and_finds_a_real_chart_and_a_change_without_csrf_stores_nothing() {
        KeycloakBrowserLogin browser = signedIn("frontdesk1");
        String familyName = "Session" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        String chart = """
                {"givenName":"Ada","familyName":"%s","birthDate":"1958-02-11","sex":"FEMALE",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"LEFT","baselinePainScore":6}
                """.formatted(familyName);

        HttpResponse<String> withoutCsrf = browser.post(at("/api/patients"), chart, "Content-Type", "application/json");
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withoutCsrf.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(withoutCsrf).get("code").asString()).isEqualTo("csrf-rejected");
        assertThat(search(browser, familyName).size()).as("charts stored by the refused call").isZero();

        HttpResponse<String> registered = browser.post(at("/api/patients"), chart,
                "Content-Type", "application/json", "X-XSRF-TOKEN", xsrfToken(browser));
        assertThat(registered.statusCode()).as("registration: %s", registered.body()).isEqualTo(201);
        String id = json(registered).get("id").asString();

        JsonNode found = search(browser, familyName);
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(id);
        assertThat(browser.get(at("/api/patients/" + id)).statusCode()).isEqualTo(200);
    }

    @Test
    void logout_ends_the_session_at_the_gateway_and_at_keycloak() {
        KeycloakBrowserLogin browser = signedIn("coordinator1");
        assertThat(browser.get(at("/api/followups")).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.post(at("/logout"), "", "X-XSRF-TOKEN", xsrfToken(browser));
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = location(logout);
        assertThat(endSession.toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/logout?");
        String keycloakSession = claims(query(endSession).get("id_token_hint")).get("sid").asString();
        String userId = KeycloakAdmin.userId("coordinator1");
        assertThat(KeycloakAdmin.sessionIds(userId)).contains(keycloakSession);

        HttpResponse<String> backHome = browser.get(endSession);
        assertThat(isRedirect(backHome)).isTrue();
        assertThat(KeycloakAdmin.sessionIds(userId)).doesNotContain(keycloakSession);
        HttpResponse<String> afterLogout = browser.get(at("/api/followups"));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(json(afterLogout).get("code").asString()).isEqualTo("unauthenticated");
    }

    private static KeycloakBrowserLogin signedIn(String user) {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        HttpResponse<String> back = browser.signIn(at("/"), user, KeycloakTokens.DEV_PASSWORD);
        assertThat(isRedirect(back)).as("the gateway took Keycloak's code").isTrue();
        return browser;
    }

    private static JsonNode search(KeycloakBrowserLogin browser, String familyName) {
        HttpResponse<String> answer = browser.get(at("/api/patients?q=" + familyName));
        assertThat(answer.statusCode()).as("search: %s", answer.body()).isEqualTo(200);
        return json(answer).get("content");
    }

    /** The browser reaches the gateway as localhost: the name its Keycloak client's redirect URIs use. */
    private static URI at(String path) {
        return URI.create(clinic.browserUrl() + path);
    }

    private static String xsrfToken(KeycloakBrowserLogin browser) {
        return browser.cookie(at("/"), "XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
