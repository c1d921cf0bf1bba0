package org.clinictracker.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the span a thread works in. The outbox keeps it with each event and the
 * relay sends it as a Kafka header ({@link #HEADER}), so a consumer continues the trace of the request that
 * caused the event, although the event leaves the service later and from another thread.
 */
public class TraceParents {

    /** The W3C Trace Context header, on HTTP requests and on Kafka records alike. */
    public static final String HEADER = "traceparent";

    /** For a service without tracing: no event carries a trace. */
    public static final TraceParents NONE = new TraceParents(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}, or {@code null} outside a trace (a scheduled job, no tracing). */
    public String current() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(HEADER);
    }
}
