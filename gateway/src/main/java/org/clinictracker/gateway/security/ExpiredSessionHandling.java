package org.clinictracker.gateway.security;

import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * A session whose tokens can no longer be used (Keycloak ended the user's session, the refresh token expired
 * or was revoked) fails in TokenRelay with a {@link ClientAuthorizationException}, which would otherwise be a
 * 500. The session is ended here and the caller is sent to sign in again: 401 for the API, back to Keycloak's
 * login for a page.
 */
final class ExpiredSessionHandling implements WebFilter {

    private final ServerAuthenticationEntryPoint signIn;

    ExpiredSessionHandling(ServerAuthenticationEntryPoint signIn) {
        this.signIn = signIn;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(ClientAuthorizationException.class,
                failed -> exchange.getSession().flatMap(WebSession::invalidate)
                        .then(signIn.commence(exchange, new CredentialsExpiredException("The session has ended", failed))));
    }
}
