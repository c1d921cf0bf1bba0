package org.clinictracker.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * CSRF for a web app that reads the {@code XSRF-TOKEN} cookie and echoes it in {@code X-XSRF-TOKEN}: that
 * header is compared raw (the cookie holds the raw token), while a token in a server-rendered form field stays
 * BREACH-masked (Xor). WebFlux has no {@code csrf.spa()}; this is the reactive version of it.
 */
final class SpaCsrfTokenRequestHandler extends ServerCsrfTokenRequestAttributeHandler {

    private final ServerCsrfTokenRequestHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        masked.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
        // The header alone: Spring's default reads a form body first for a form field, and a body read here is
        // gone for the route, so an htmx form post (application/x-www-form-urlencoded) reached the web app empty
        // and hung until the route's timeout (503).
        return StringUtils.hasText(header)
                ? Mono.just(header)
                : masked.resolveCsrfTokenValue(exchange, csrfToken);
    }
}
