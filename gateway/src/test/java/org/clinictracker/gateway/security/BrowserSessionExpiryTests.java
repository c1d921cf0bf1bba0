package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.location;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.gateway.StandInService.Received;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin.ThrowawayUser;
import org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A session outlives its access token: the gateway refreshes it with the refresh token it keeps. When Keycloak
 * has ended the user's session (an admin signed them out, the SSO session expired), the refresh fails and the
 * gateway ends its own session too: 401 problem+json for the API, Keycloak's login for a page, never a 500.
 * Fast and faithful: the client copy issues 20-second access tokens, which the gateway (refreshing a minute
 * before expiry) always refreshes; the user is a throwaway one, since ending sessions of a shared dev user
 * would sign out everyone using it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BrowserSessionExpiryTests {

    private static final GatewayUnderTest GATEWAY = new GatewayUnderTest();
    private static final ThrowawayUser FRONT_DESK = KeycloakAdmin.createUser("front-desk");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry, Map.of("access.token.lifespan", "20"));
    }

    @AfterAll
    static void cleanUp() {
        FRONT_DESK.close();
        GATEWAY.close();
    }

    @Test
    void tokens_are_refreshed_while_keycloak_keeps_the_session_and_an_ended_session_means_signing_in_again()
            throws Exception {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        browser.signIn(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH), FRONT_DESK.username(), FRONT_DESK.password());
        String sessionCookie = browser.cookie(GATEWAY.at("/"), "CLINIC_SESSION").orElseThrow();

        assertThat(browser.get(GATEWAY.at("/api/patients?q=ada")).statusCode()).isEqualTo(200);
        assertThat(browser.get(GATEWAY.at("/api/patients?q=ada")).statusCode()).isEqualTo(200);
        assertThat(GATEWAY.services.received()).hasSize(2)
                .allSatisfy(call -> assertThat(GatewayUnderTest.claims(bearer(call)).get("preferred_username").asString())
                        .isEqualTo(FRONT_DESK.username()))
                .extracting(BrowserSessionExpiryTests::bearer).as("a refreshed access token each time").doesNotHaveDuplicates();

        KeycloakAdmin.endSessions(FRONT_DESK);

        HttpResponse<String> api = browser.get(GATEWAY.at("/api/patients?q=ada"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(GatewayUnderTest.JSON.readTree(api.body()).get("code").asString()).isEqualTo("unauthenticated");
        assertThat(GATEWAY.services.received()).hasSize(2);

        HttpResponse<String> page = browser.get(GATEWAY.at("/"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page).getPath()).isEqualTo(BrowserSessionSecurity.SIGN_IN_PATH);

        HttpResponse<String> oldSession = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(GATEWAY.at("/session")).header("Cookie", "CLINIC_SESSION=" + sessionCookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oldSession.statusCode()).as("the gateway ended its session too").isEqualTo(401);
    }

    private static String bearer(Received call) {
        assertThat(call.authorization()).startsWith("Bearer ");
        return call.authorization().substring("Bearer ".length());
    }
}
