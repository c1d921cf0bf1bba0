package org.clinictracker.gateway.requestbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

/**
 * A body over clinic.http.max-request-body (256 KB, as in the services) is refused by the gateway with the
 * services' 413, whether its length is declared or it comes in chunks; the service never sees it.
 */
class RequestBodySizeTests extends GatewayEdgeTestBase {

    private static final int KB = 1024;

    @Test
    void a_declared_length_over_the_limit_is_refused_before_forwarding() {
        client.post().uri("/api/patients").headers(bearer("front-desk")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(5 * KB * KB)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clinic-tracker.org/problems/payload-too-large")
                .jsonPath("$.code").isEqualTo("payload-too-large")
                .jsonPath("$.maxBytes").isEqualTo(256 * KB);

        assertThat(PATIENTS.received()).isEmpty();
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_before_forwarding() {
        client.post().uri("/api/patients").headers(bearer("front-desk")).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(300, 4 * KB))).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");

        assertThat(PATIENTS.received()).isEmpty();
    }

    @Test
    void a_chunked_body_within_the_limit_reaches_the_service_whole_with_its_length() {
        client.post().uri("/api/patients").headers(bearer("front-desk")).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(10, 4 * KB))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyLength").isEqualTo(40 * KB);

        assertThat(PATIENTS.received()).singleElement()
                .satisfies(received -> assertThat(received.contentLength()).isEqualTo(String.valueOf(40 * KB)));
    }

    @Test
    void a_chunked_body_for_a_stopped_service_gets_the_services_503() {
        client.post().uri("/api/followups/7b0c1f36-0000-4000-8000-000000000009/outcome").headers(bearer("coordinator"))
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks(2, KB))).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
    }

    @Test
    void a_body_at_the_limit_reaches_the_service() {
        client.post().uri("/api/patients").headers(bearer("front-desk")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(256 * KB)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyLength").isEqualTo(256 * KB);
    }

    /** A body sent in {@code count} chunks, without a Content-Length. */
    private static Flux<DataBuffer> chunks(int count, int size) {
        byte[] chunk = "y".repeat(size).getBytes(StandardCharsets.US_ASCII);
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
    }
}
