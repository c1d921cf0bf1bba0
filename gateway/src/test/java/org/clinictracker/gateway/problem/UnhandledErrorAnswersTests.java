package org.clinictracker.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;

/** What nothing else answered is a problem+json too, and a gateway failure is logged without the query. */
@ExtendWith(OutputCaptureExtension.class)
class UnhandledErrorAnswersTests extends GatewayEdgeTestBase {

    @Autowired
    UnhandledErrorAnswers answers;

    @Test
    void an_open_path_with_nothing_there_is_a_404_problem() {
        client.get().uri("/swagger-ui/no-such-file.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clinic-tracker.org/problems/not-found")
                .jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void a_failure_in_the_gateway_is_a_500_problem_logged_without_the_query(CapturedOutput output) {
        WebHandler failing = exchange -> {
            throw new IllegalStateException("a bug in a filter");
        };
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/patients?q=Eudora+Vantongeren").header("Authorization", "Bearer secret-token"));

        new ExceptionHandlingWebHandler(failing, java.util.List.of(answers)).handle(exchange).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"internal-error\"")
                .doesNotContain("a bug in a filter");
        assertThat(output.getOut()).contains("GET /api/patients failed in the gateway", "a bug in a filter")
                .doesNotContain("Eudora", "Vantongeren", "secret-token");
    }
}
