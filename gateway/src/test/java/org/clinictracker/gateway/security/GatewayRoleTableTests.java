package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clinictracker.gateway.StandInService;
import org.assertj.core.api.SoftAssertions;
import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.clinictracker.platform.security.ClinicRoles;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * The gateway applies the clinic's role table before routing: its own context and security, called with
 * real tokens from the real Keycloak. A permitted call is routed to a stand-in service (a plain HTTP
 * server counting calls, so a refusal can be shown not to reach it); a refused one answers the services'
 * problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoleTableTests {

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final StandInService SERVICE = StandInService.answering();

    @DynamicPropertySource
    static void servicesAreTheStub(DynamicPropertyRegistry registry) {
        LocalKeycloak.ensureRunning();
        SERVICE.standInForAllServices(registry);
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        SERVICE.forget();
    }

    @Test
    void a_role_the_table_allows_is_routed_to_the_service() {
        client.get().uri("/api/patients?q=ada").headers(bearer("front-desk")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.uri").isEqualTo("/api/patients?q=ada");
        client.post().uri("/api/procedures").headers(bearer("proceduralist"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        client.post().uri("/api/repeat-treatments/7b0c1f36-0000-4000-8000-000000000004/decision")
                .headers(bearer("coordinator")).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();

        assertThat(SERVICE.received()).hasSize(3);
    }

    @Test
    void a_role_the_table_does_not_allow_gets_the_services_403_and_the_service_is_not_called() {
        client.get().uri("/api/procedures").headers(bearer("front-desk")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clinic-tracker.org/problems/forbidden")
                .jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.detail").isEqualTo("Your role does not allow GET /api/procedures.");
        client.post().uri("/api/patients").headers(bearer("clinic-admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        client.delete().uri("/api/patients/7b0c1f36-0000-4000-8000-000000000001").headers(bearer("front-desk"))
                .exchange()
                .expectStatus().isForbidden();

        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void no_token_or_a_token_the_services_would_refuse_is_401() {
        client.get().uri("/api/patients").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        // the realm's built-in admin-cli client has no audience mapper: a real token, not meant for the clinic API
        String otherAudience = KeycloakTokens.grant(LocalKeycloak.tokenUri(), "admin-cli", "frontdesk1",
                KeycloakTokens.DEV_PASSWORD).get("access_token").asString();
        client.get().uri("/api/patients").headers(headers -> headers.setBearerAuth(otherAudience)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        // not a token at all (a space inside)
        client.get().uri("/api/patients").header(HttpHeaders.AUTHORIZATION, "Bearer not a token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");

        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void health_is_open_and_other_actuator_endpoints_are_clinic_admin_only() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").headers(bearer("coordinator")).exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/info").headers(bearer("clinic-admin")).exchange().expectStatus().isOk();
    }

    /**
     * The reactive adapter applies the table exactly: for a path made from every pattern of every rule,
     * each role (and a token with no clinic role) is let through or refused as {@link ClinicAccessRules}
     * decides.
     */
    @Test
    void the_gateway_answers_every_rule_of_the_table_as_the_table_says() {
        SoftAssertions softly = new SoftAssertions();
        List<String> callers = new ArrayList<>(ClinicRoles.ALL);
        for (AccessRule rule : ClinicAccessRules.RULES) {
            HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
            for (String pattern : rule.paths()) {
                String path = pattern.replace("/**", "/a/b").replace("*", "7b0c1f36-0000-4000-8000-00000000000c");
                for (String caller : callers) {
                    boolean permitted = ClinicAccessRules.permits(method, path, List.of(caller));
                    int status = client.method(method).uri(path).headers(bearer(caller)).exchange()
                            .returnResult(byte[].class).getStatus().value();
                    softly.assertThat(status != 401 && status != 403)
                            .as("%s %s %s answered %s", caller, method, path, status).isEqualTo(permitted);
                }
            }
        }
        softly.assertAll();
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String role) {
        String token = TOKENS.computeIfAbsent(role, KeycloakTokens::accessTokenOfRole);
        return headers -> headers.setBearerAuth(token);
    }
}
