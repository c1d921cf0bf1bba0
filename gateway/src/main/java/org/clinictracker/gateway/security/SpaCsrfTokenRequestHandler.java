package org.clinictracker.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * CSRF for a web app that reads the {@code XSRF-TOKEN} cookie and echoes it in {@code X-XSRF-TOKEN} (htmx, see the
 * web app's app.js): the header is compared raw, as the cookie holds the raw token. The token is taken from that
 * header only, never from a form field: Spring's resolvers read the request's form data first, which consumes the
 * body of a form post, and the gateway would then pass the web app an empty request. WebFlux has no
 * {@code csrf.spa()}; this is the reactive version of it.
 */
final class SpaCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

    // still offers the token to the request as Spring's default does (BREACH-masked), for anything rendered here
    private final ServerCsrfTokenRequestHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        masked.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()))
                .filter(header -> !header.isBlank());
    }
}
