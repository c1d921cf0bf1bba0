package org.clinictracker.gateway.security;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Requests the web app's htmx makes (header {@code HX-Request: true}). They are XHRs: one cannot follow a redirect to
 * Keycloak's origin (CORS forbids reading it), so where a page would be redirected, htmx is told where to send the
 * whole window instead ({@code HX-Redirect}, or {@code HX-Refresh} to load the page again).
 */
final class HtmxRequests {

    static final String REQUEST = "HX-Request";
    static final String REDIRECT = "HX-Redirect";
    static final String REFRESH = "HX-Refresh";

    static final ServerWebExchangeMatcher FROM_HTMX = exchange -> isHtmx(exchange)
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();

    private HtmxRequests() {
    }

    static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst(REQUEST));
    }

    /**
     * Logout as the layout's sign-out form sends it with htmx: 200 with {@code HX-Redirect: <where the redirect
     * went>} (Keycloak's end-session URL, or "/"), and htmx navigates there. A plain form post keeps the 302.
     */
    static ServerLogoutSuccessHandler redirectsFollowedByHtmx(ServerLogoutSuccessHandler handler) {
        return (exchange, authentication) -> {
            if (isHtmx(exchange.getExchange())) {
                ServerHttpResponse response = exchange.getExchange().getResponse();
                response.beforeCommit(() -> Mono.fromRunnable(() -> redirectToHtmx(response)));
            }
            return handler.onLogoutSuccess(exchange, authentication);
        };
    }

    private static void redirectToHtmx(ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        URI location = headers.getLocation();
        if (location != null && response.getStatusCode() != null && response.getStatusCode().is3xxRedirection()) {
            response.setStatusCode(HttpStatus.OK);
            headers.remove(HttpHeaders.LOCATION);
            headers.set(REDIRECT, location.toString());
        }
    }
}
