package org.clinictracker.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/** One line per request, and no patient data or token anywhere in the gateway's log. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests extends GatewayEdgeTestBase {

    @Test
    void a_request_is_logged_as_method_path_route_status_duration_and_request_id(CapturedOutput output) {
        client.get().uri("/api/patients?q=Wilhelmina").header("X-Request-Id", "log-read-1").headers(bearer("front-desk"))
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET /api/patients route=patients status=200 duration=\\d+ms requestId=log-read-1"));
    }

    @Test
    void the_query_the_token_and_the_body_never_reach_the_log(CapturedOutput output) {
        String token = token("front-desk");
        client.get().uri("/api/patients?q=Philomena+Quartermaine&birthDate=1951-02-03").header("X-Request-Id", "log-search-1")
                .headers(headers -> headers.setBearerAuth(token)).exchange().expectStatus().isOk();
        client.post().uri("/api/patients?note=Philomena").header("X-Request-Id", "log-write-1")
                .headers(headers -> headers.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"familyName\":\"Quartermaine\",\"givenName\":\"Philomena\",\"birthDate\":\"1951-02-03\"}")
                .exchange().expectStatus().isOk();
        client.get().uri("/api/procedures?patient=Quartermaine").header("X-Request-Id", "log-refused-1")
                .headers(headers -> headers.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        // the hanging procedure service: the fallback logs too
        client.get().uri("/api/procedures?patient=Quartermaine").header("X-Request-Id", "log-hang-1")
                .headers(bearer("proceduralist")).exchange().expectStatus().isEqualTo(503);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("requestId=log-search-1", "requestId=log-write-1", "requestId=log-refused-1",
                        "requestId=log-hang-1"));
        assertThat(output.getAll())
                // the fallback's own line carries the request id in the logging context, as any gateway line does
                .containsPattern("\\[log-hang-1\\] .*ServiceFallback .*procedures did not answer GET")
                .contains("POST /api/patients route=patients status=200",
                        "GET /api/procedures route=- status=403",
                        "GET /api/procedures route=procedures status=503")
                .doesNotContain("Philomena", "Quartermaine", "1951-02-03", "birthDate", token, token.substring(0, 20),
                        "Bearer");
    }
}
