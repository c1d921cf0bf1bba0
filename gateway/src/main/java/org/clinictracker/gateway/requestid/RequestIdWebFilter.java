package org.clinictracker.gateway.requestid;

import org.clinictracker.platform.requestid.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request its id before anything else runs (Spring Security included, so 401, 403, 429 and
 * 503 carry it too): the caller's {@code X-Request-Id} when sane by the services' rule ({@link RequestIds}),
 * else a new one. The id goes to the service as a request header, back to the caller on every answer,
 * and into an exchange attribute, from which the gateway's own log lines take it ({@link RequestIdLogging}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    static final String ATTRIBUTE = RequestIdWebFilter.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, requestId)))
                .build();
        return chain.filter(withId);
    }

    /** The id of this exchange ({@code "-"} if it never passed the filter). */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }
}
