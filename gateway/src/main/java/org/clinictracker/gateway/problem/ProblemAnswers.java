package org.clinictracker.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clinictracker.platform.security.SecurityProblem;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request from a gateway filter with one of the clinic's problems (problem+json, the services'
 * shape), without forwarding it.
 */
@Component
public class ProblemAnswers {

    private final JsonMapper jsonMapper;

    public ProblemAnswers(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> answer(ServerWebExchange exchange, SecurityProblem problem) {
        return answer(exchange, problem, Map.of());
    }

    /** With extra members after the standard ones (e.g. {@code maxBytes}, as the services send). */
    public Mono<Void> answer(ServerWebExchange exchange, SecurityProblem problem, Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> body = new LinkedHashMap<>(problem.body());
        body.putAll(extra);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(body))));
    }
}
