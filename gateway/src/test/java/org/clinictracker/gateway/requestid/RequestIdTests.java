package org.clinictracker.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Every answer carries the request's id, and the service gets the same one. */
class RequestIdTests extends GatewayEdgeTestBase {

    @Test
    void a_sane_id_from_the_caller_goes_to_the_service_and_comes_back() {
        client.get().uri("/api/patients").header("X-Request-Id", "desk-7.call_42").headers(bearer("front-desk"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "desk-7.call_42");

        assertThat(PATIENTS.received()).singleElement()
                .satisfies(received -> assertThat(received.requestId()).isEqualTo("desk-7.call_42"));
    }

    @Test
    void without_an_id_or_with_an_insane_one_the_gateway_makes_one_and_the_service_gets_it() {
        String created = client.get().uri("/api/patients").headers(bearer("front-desk")).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        String replaced = client.get().uri("/api/patients").header("X-Request-Id", "forged log line; " + "x".repeat(80))
                .headers(bearer("front-desk")).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(UUID.fromString(created)).isNotNull();
        assertThat(UUID.fromString(replaced)).isNotNull();
        assertThat(PATIENTS.received()).extracting(received -> received.requestId()).containsExactly(created, replaced);
    }

    @Test
    void refusals_carry_the_id_too() {
        client.get().uri("/api/patients").header("X-Request-Id", "no-token-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "no-token-1");
        client.get().uri("/api/procedures").header("X-Request-Id", "wrong-role-1").headers(bearer("front-desk")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().valueEquals("X-Request-Id", "wrong-role-1");
        client.get().uri("/api/followups").header("X-Request-Id", "stopped-1").headers(bearer("coordinator")).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("X-Request-Id", "stopped-1");
        client.post().uri("/api/patients").header("X-Request-Id", "too-big-1").headers(bearer("front-desk"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(300 * 1024)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("X-Request-Id", "too-big-1");

        assertThat(PATIENTS.received()).isEmpty();
    }
}
