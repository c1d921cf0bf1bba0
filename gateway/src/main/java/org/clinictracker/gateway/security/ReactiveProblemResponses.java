package org.clinictracker.gateway.security;

import org.clinictracker.platform.security.SecurityProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's 401 and 403: the same problem+json bodies and challenge the services send, plus the two only a
 * browser session meets (sign in again; a change without the CSRF token).
 */
public class ReactiveProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final SecurityProblem SIGN_IN_AGAIN = new SecurityProblem(HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Sign-in required", "You are not signed in or your session has ended: sign in again, or send a valid "
                    + "bearer token from the clinic's Keycloak realm.");

    static final SecurityProblem CSRF_REJECTED = new SecurityProblem(HttpStatus.FORBIDDEN, "csrf-rejected",
            "Change not confirmed by the page", "This change did not carry the page's security token "
                    + "(X-XSRF-TOKEN header), so nothing was changed. Reload the page and try again.");

    private final JsonMapper jsonMapper;

    public ReactiveProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                SecurityProblem.bearerChallenge(ex instanceof OAuth2AuthenticationException));
        return write(exchange.getResponse(), SecurityProblem.unauthenticated());
    }

    /** The 401 of a browser session's API call: no redirect, worded for a person as well as a script. */
    public Mono<Void> signInAgain(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, SecurityProblem.bearerChallenge(false));
        return write(exchange.getResponse(), SIGN_IN_AGAIN);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return write(exchange.getResponse(), CSRF_REJECTED);
        }
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        if (WebAppPages.isPage(exchange.getRequest().getPath().pathWithinApplication())) {
            return write(exchange.getResponse(), pageForBrowsers(method, path));
        }
        return write(exchange.getResponse(), SecurityProblem.forbidden(method, path));
    }

    /** A bearer caller asking for one of the web app's pages: no role opens them with a token. */
    static SecurityProblem pageForBrowsers(String method, String path) {
        return new SecurityProblem(HttpStatus.FORBIDDEN, "forbidden", "A page for browsers", method + " " + path
                + " is a page of the web app, for a browser signed in at the gateway, not for a bearer token; "
                + "with a token, call the API under /api/.");
    }

    private Mono<Void> write(ServerHttpResponse response, SecurityProblem problem) {
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = jsonMapper.writeValueAsBytes(problem.body());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
