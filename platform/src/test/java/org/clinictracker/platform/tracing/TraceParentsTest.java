package org.clinictracker.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** The outbox keeps the W3C traceparent of the request an event was written in, on the real OpenTelemetry bridge. */
class TraceParentsTest {

    private final SdkTracerProvider spans = SdkTracerProvider.builder().build();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(spans)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final Tracer tracer = new OtelTracer(openTelemetry.getTracer("clinic"), new OtelCurrentTraceContext(),
            event -> {
            });
    private final TraceParents traceParents = new TraceParents(tracer,
            new OtelPropagator(openTelemetry.getPropagators(), openTelemetry.getTracer("clinic")));

    @AfterEach
    void closeSdk() {
        openTelemetry.close();
    }

    @Test
    void an_event_written_while_serving_a_request_keeps_that_requests_trace_and_span() {
        Span request = tracer.nextSpan().name("POST /api/patients").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            assertThat(traceParents.current())
                    .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        } finally {
            request.end();
        }
    }

    @Test
    void an_event_written_outside_any_trace_carries_none() {
        assertThat(traceParents.current()).isNull();
    }

    @Test
    void a_service_without_tracing_writes_events_without_trace() {
        Span request = tracer.nextSpan().start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            assertThat(TraceParents.NONE.current()).isNull();
        } finally {
            request.end();
        }
    }

    @Test
    void the_header_is_w3c_trace_context() {
        assertThat(W3CTraceContextPropagator.getInstance().fields()).isEqualTo(List.of(TraceParents.HEADER, "tracestate"));
    }
}
