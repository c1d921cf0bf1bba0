package org.clinictracker.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.awaitility.Awaitility;
import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The service gets the gateway's trace as a W3C traceparent: the caller's trace continued, or a new one; the
 * gateway's own line about the request carries the same trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceParentForwardingTests extends GatewayEdgeTestBase {

    private static final String TRACE_PARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]";

    @BeforeEach
    void forgetEarlierCalls() {
        PATIENTS.forget();
    }

    @Test
    void the_callers_trace_goes_on_in_the_service_under_the_gateways_span() {
        String callersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";

        client.get().uri("/api/patients").header("traceparent", "00-" + callersTrace + "-" + callersSpan + "-01")
                .headers(bearer("front-desk")).exchange()
                .expectStatus().isOk();

        assertThat(PATIENTS.received()).singleElement().satisfies(received -> assertThat(received.traceParent())
                .matches(TRACE_PARENT)
                .startsWith("00-" + callersTrace + "-")
                .doesNotContain(callersSpan));
    }

    @Test
    void a_caller_without_trace_gets_one_started_by_the_gateway() {
        client.get().uri("/api/patients").headers(bearer("front-desk")).exchange().expectStatus().isOk();
        client.get().uri("/api/patients").headers(bearer("front-desk")).exchange().expectStatus().isOk();

        assertThat(PATIENTS.received()).hasSize(2).allSatisfy(received -> assertThat(received.traceParent())
                .matches(TRACE_PARENT));
        assertThat(PATIENTS.received().get(0).traceParent().substring(3, 35))
                .as("each request its own trace")
                .isNotEqualTo(PATIENTS.received().get(1).traceParent().substring(3, 35));
    }

    @Test
    void the_gateways_access_log_line_names_the_trace_the_service_got(CapturedOutput output) {
        client.get().uri("/api/patients").header("X-Request-Id", "trace-log-1").headers(bearer("front-desk")).exchange()
                .expectStatus().isOk();

        String traceId = PATIENTS.received().get(0).traceParent().substring(3, 35);
        String spanId = PATIENTS.received().get(0).traceParent().substring(36, 52);
        Awaitility.await().untilAsserted(() -> assertThat(output.getOut()).containsPattern("\\[" + traceId + "," + spanId
                + "\\] \\[trace-log-1\\] .*GET /api/patients route=patients status=200 duration=\\d+ms requestId=trace-log-1"));
    }
}
