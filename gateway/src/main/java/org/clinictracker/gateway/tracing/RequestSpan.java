package org.clinictracker.gateway.tracing;

import java.util.Optional;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

/** The span of the request's HTTP server observation: where the gateway's trace of a request lives. */
public final class RequestSpan {

    private RequestSpan() {
    }

    /** Empty when tracing is off or the request has no server observation. */
    public static Optional<Span> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan);
    }
}
