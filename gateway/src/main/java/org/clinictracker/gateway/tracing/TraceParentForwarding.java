package org.clinictracker.gateway.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;

/**
 * Passes the trace of the gateway's request span (started, or continued from the caller's
 * {@code traceparent}, by the HTTP server observation) to the service as a W3C {@code traceparent}
 * header, so the service, its outbox and the consumers of its events log the same trace id. It stands in
 * for the gateway's HTTP client observation, left off (spring.cloud.gateway.server.webflux.observability)
 * because a client span and its metrics per proxied call cost far more than setting one header.
 */
@Component
class TraceParentForwarding implements GlobalFilter, Ordered {

    private final Propagator propagator;

    TraceParentForwarding(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP); // none with tracing disabled
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Span span = RequestSpan.of(exchange).orElse(null);
        if (span == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> propagator.inject(span.context(), headers, HttpHeaders::set)))
                .build());
    }

    @Override
    public int getOrder() {
        return 0; // any order before the routing filter (lowest precedence) does
    }
}
