package org.clinictracker.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The reactive CSRF token is lazy: nothing writes the {@code XSRF-TOKEN} cookie unless someone subscribes to
 * it (spring-security #5766). The web app needs the cookie before its first change, so subscribe on every
 * request of the session chain.
 */
final class CsrfCookieSubscriber implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token != null ? token : Mono.<CsrfToken>empty()).then(chain.filter(exchange));
    }
}
