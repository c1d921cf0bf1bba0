package org.clinictracker.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A stopped or hanging service: the caller gets 503 problem+json with Retry-After within the configured
 * timeout, worded for what may have happened to a write. A service's own refusals pass through untouched
 * and do not count against its circuit.
 */
class ServiceOutageTests extends GatewayEdgeTestBase {

    /**
     * Time for the gateway itself on a busy 2-core machine, on top of the service timeout. Tokens are fetched
     * before the clock starts: Keycloak's time is not the gateway's.
     */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Test
    void a_stopped_service_answers_503_at_once_and_says_nothing_was_changed() {
        var coordinator = bearer("coordinator");
        long start = System.nanoTime();
        client.post().uri("/api/followups/7b0c1f36-0000-4000-8000-000000000009/outcome").headers(coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clinic-tracker.org/problems/service-unavailable")
                .jsonPath("$.code").isEqualTo("service-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("The follow-up service cannot answer right now; nothing was changed. "
                        + "Try again shortly.");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SERVICE_TIMEOUT);
    }

    @Test
    void a_hanging_service_answers_503_within_the_timeout() {
        var proceduralist = bearer("proceduralist");
        long start = System.nanoTime();
        client.get().uri("/api/procedures").headers(proceduralist).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(SERVICE_TIMEOUT.minusMillis(100))
                .isLessThan(SERVICE_TIMEOUT.plus(MARGIN));
    }

    @Test
    void a_write_the_hanging_service_never_answered_may_have_been_saved() {
        var proceduralist = bearer("proceduralist");
        long start = System.nanoTime();
        client.post().uri("/api/procedures").headers(proceduralist).header("Idempotency-Key", "proc-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.code").isEqualTo("outcome-unknown")
                .jsonPath("$.detail").isEqualTo("The procedure service did not answer in time; your change may or may "
                        + "not have been saved. Repeat it with the same Idempotency-Key to be sure: a change already "
                        + "saved is not made twice.");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SERVICE_TIMEOUT.plus(MARGIN));
    }

    @Test
    void while_the_circuit_is_open_a_write_is_refused_at_once_and_nothing_was_changed() {
        CircuitBreaker procedures = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("procedures");
        procedures.transitionToForcedOpenState();
        try {
            var proceduralist = bearer("proceduralist");
            long start = System.nanoTime();
            client.post().uri("/api/procedures").headers(proceduralist).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SERVICE_TIMEOUT);
        } finally {
            procedures.transitionToClosedState();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 404, 409, 412, 413, 422, 500 })
    void a_services_own_answer_passes_through_unchanged_and_is_not_a_failure(int status) {
        CircuitBreaker patients = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("patients");
        long failuresBefore = patients.getMetrics().getNumberOfFailedCalls();

        client.get().uri("/api/patients/status/" + status).headers(bearer("front-desk")).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Service-Said", "status " + status)
                .expectBody().json("{\"status\":" + status + ",\"code\":\"from-the-service\"}", true);

        assertThat(patients.getMetrics().getNumberOfFailedCalls()).isEqualTo(failuresBefore);
        assertThat(patients.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_routes_circuits_use_the_clinics_settings() {
        client.get().uri("/api/patients").headers(bearer("front-desk")).exchange().expectStatus().isOk();

        var circuit = circuitBreakers.getCircuitBreakerRegistry().find("patients").orElseThrow().getCircuitBreakerConfig();
        assertThat(circuit.getSlidingWindowSize()).isEqualTo(20);
        assertThat(circuit.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(circuit.getFailureRateThreshold()).isEqualTo(50f);
    }

    @Test
    void callers_cannot_reach_the_fallback_themselves() {
        client.get().uri("/fallback/patients").headers(bearer("front-desk")).exchange()
                .expectStatus().isForbidden();
    }
}
