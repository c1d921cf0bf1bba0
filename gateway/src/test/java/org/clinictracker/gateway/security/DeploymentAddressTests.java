package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.location;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway at the addresses docker compose and Kubernetes give it.
 * <p>
 * Keycloak has two: the browser's (front channel, the tokens' issuer) and the gateway's own (back channel). Here
 * the gateway reaches Keycloak at 127.0.0.1 while browsers and the issuer say localhost (Keycloak pins its
 * issuer, as compose's KC_HOSTNAME does): browser users are sent to the front channel, the code is redeemed over
 * the back channel, and the ID token is held to the browser-facing issuer.
 * <p>
 * Behind the Ingress, which ends TLS and forwards plain http, the sign-in's redirect URI must still be the
 * clinic's https address ({@code CLINIC_FORWARD_HEADERS=native}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DeploymentAddressTests {

    private static final GatewayUnderTest GATEWAY = new GatewayUnderTest();
    private static final String BACK_CHANNEL = LocalKeycloak.issuer().replace("//localhost:", "//127.0.0.1:");

    @Autowired
    ReactiveClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry, Map.of());
        registry.add("KEYCLOAK_BACKCHANNEL_URL", () -> BACK_CHANNEL);
        registry.add("CLINIC_FORWARD_HEADERS", () -> "native");
    }

    @AfterAll
    static void cleanUp() {
        GATEWAY.close();
    }

    @Test
    void the_browser_meets_keycloak_at_the_issuer_and_the_gateway_calls_it_at_its_own_address() {
        assertThat(BACK_CHANNEL).isNotEqualTo(LocalKeycloak.issuer());
        ClientRegistration keycloak = registrations.findByRegistrationId("keycloak").block();
        ClientRegistration.ProviderDetails provider = keycloak.getProviderDetails();
        assertThat(provider.getIssuerUri()).isEqualTo(LocalKeycloak.issuer());
        assertThat(provider.getAuthorizationUri()).isEqualTo(LocalKeycloak.issuer() + "/protocol/openid-connect/auth");
        assertThat(provider.getConfigurationMetadata())
                .containsEntry("end_session_endpoint", LocalKeycloak.issuer() + "/protocol/openid-connect/logout");
        assertThat(provider.getTokenUri()).isEqualTo(BACK_CHANNEL + "/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(BACK_CHANNEL + "/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(BACK_CHANNEL + "/protocol/openid-connect/userinfo");
    }

    @Test
    void a_browser_signs_in_and_out_through_the_front_channel_while_the_gateway_redeems_the_code_on_the_back_channel() {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        HttpResponse<String> toKeycloak = browser.get(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH));
        assertThat(location(toKeycloak).toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/auth?");

        HttpResponse<String> back = browser.signIn(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH), "coordinator1",
                KeycloakTokens.DEV_PASSWORD);
        assertThat(location(back).toString()).as("the gateway redeemed the code and accepted the ID token")
                .isEqualTo(GATEWAY.baseUrl + "/");
        assertThat(browser.get(GATEWAY.at("/session")).statusCode()).isEqualTo(200);
        assertThat(browser.get(GATEWAY.at("/api/followups/worklist")).statusCode()).isEqualTo(200);
        assertThat(GATEWAY.services.received()).singleElement().satisfies(call -> assertThat(
                GatewayUnderTest.claims(call.authorization().substring("Bearer ".length())).get("iss").asString())
                .isEqualTo(LocalKeycloak.issuer()));

        String xsrf = browser.cookie(GATEWAY.at("/"), "XSRF-TOKEN").orElseThrow();
        URI endSession = location(browser.post(GATEWAY.at("/logout"), "", "X-XSRF-TOKEN", xsrf));
        assertThat(endSession.toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/logout?");
    }

    @Test
    void behind_a_tls_proxy_the_sign_in_returns_to_the_clinics_https_address() {
        HttpResponse<String> toKeycloak = new KeycloakBrowserLogin().get(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH),
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "tracker.clinic.example", "X-Forwarded-Port", "443");
        assertThat(location(toKeycloak).toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/auth?");
        assertThat(redirectUri(location(toKeycloak))).isEqualTo("https://tracker.clinic.example/login/oauth2/code/keycloak");

        HttpResponse<String> direct = new KeycloakBrowserLogin().get(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH));
        assertThat(redirectUri(location(direct))).isEqualTo(GATEWAY.baseUrl + "/login/oauth2/code/keycloak");
    }

    private static String redirectUri(URI authorize) {
        for (String pair : authorize.getRawQuery().split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                return URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no redirect_uri in " + authorize);
    }
}
