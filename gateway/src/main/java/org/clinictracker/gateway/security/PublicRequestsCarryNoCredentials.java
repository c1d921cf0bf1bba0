package org.clinictracker.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The patient's answer page and API reach the web app and followup-service with no Authorization header and no
 * cookie, whatever the client sent: their one credential is the link's token. A token a client adds could otherwise
 * make the web app act for someone on the public page. Last before the request leaves (after TokenRelay, which adds
 * nothing here anyway: {@link PublicAnswerSecurity} keeps these requests nobody's).
 */
@Component
class PublicRequestsCarryNoCredentials implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!PublicAnswerSecurity.isPublic(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.remove(HttpHeaders.COOKIE);
                }))
                .build());
    }

    /** Before the routing filters (lowest precedence), after every route's own filters. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
