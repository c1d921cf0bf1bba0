package org.clinictracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A user sending writes faster than the limit (here 3, then 1 a minute) gets 429 problem+json with
 * Retry-After and nothing more reaches the service; their reads and other users' writes are not limited.
 * Real tokens from the real Keycloak, so the bucket is keyed by the token's user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CLINIC_WRITE_BURST=3", "CLINIC_WRITE_RATE=1", "clinic.rate-limit.writes.refill-period=1m" })
class WriteRateLimitTests {

    private static final StandInService SERVICES = StandInService.answering();

    @DynamicPropertySource
    static void servicesAreTheStandIn(DynamicPropertyRegistry registry) {
        LocalKeycloak.ensureRunning();
        SERVICES.standInForAllServices(registry);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    @LocalServerPort
    int port;

    @Test
    void a_user_over_the_write_limit_gets_429_and_others_are_not_limited() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        Consumer<HttpHeaders> frontDesk = bearer("front-desk");
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/patients").headers(frontDesk).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }

        client.put().uri("/api/patients/7b0c1f36-0000-4000-8000-000000000001").headers(frontDesk)
                .header("X-Request-Id", "runaway-4").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "runaway-4")
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clinic-tracker.org/problems/too-many-requests")
                .jsonPath("$.code").isEqualTo("too-many-requests")
                .jsonPath("$.status").isEqualTo(429);
        assertThat(SERVICES.received()).hasSize(3);

        // reads are not limited, nor is another user
        client.get().uri("/api/patients").headers(frontDesk).exchange().expectStatus().isOk();
        client.post().uri("/api/procedures").headers(bearer("proceduralist")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        assertThat(SERVICES.received()).hasSize(5);
    }

    private static Consumer<HttpHeaders> bearer(String role) {
        String token = KeycloakTokens.accessTokenOfRole(role);
        return headers -> headers.setBearerAuth(token);
    }
}
