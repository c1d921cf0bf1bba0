package org.clinictracker.gateway.security;

import org.clinictracker.platform.security.SecurityProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's 401 and 403: the same problem+json bodies and challenge the services send. */
public class ReactiveProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

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

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange.getResponse(), SecurityProblem.forbidden(exchange.getRequest().getMethod().name(),
                exchange.getRequest().getPath().value()));
    }

    private Mono<Void> write(ServerHttpResponse response, SecurityProblem problem) {
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = jsonMapper.writeValueAsBytes(problem.body());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
