package org.clinictracker.gateway.requestid;

import org.clinictracker.gateway.tracing.RequestSpan;
import org.clinictracker.platform.requestid.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;

/**
 * Logs a line with the exchange's request id and trace ({@code [%X{traceId},%X{spanId}] [%X{requestId}]}, as the
 * services' lines have them) in the logging context. They are put there for the one log call, on whichever thread
 * it runs: the gateway does not carry the MDC along every Reactor operator
 * ({@code spring.reactor.context-propagation=auto} cost ~5 % of its CPU per request), so each place that logs while
 * serving a request logs through here. The trace is the one of the request's server observation, which
 * {@code TraceParentForwarding} passes on to the service.
 */
public final class RequestIdLogging {

    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private RequestIdLogging() {
    }

    public static void log(ServerWebExchange exchange, Runnable logCall) {
        TraceContext trace = RequestSpan.of(exchange).map(Span::context).orElse(null);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, RequestIdWebFilter.of(exchange))) {
            if (trace == null) {
                logCall.run();
                return;
            }
            try (MDC.MDCCloseable traceId = MDC.putCloseable(TRACE_ID, trace.traceId());
                    MDC.MDCCloseable spanId = MDC.putCloseable(SPAN_ID, trace.spanId())) {
                logCall.run();
            }
        }
    }

}
