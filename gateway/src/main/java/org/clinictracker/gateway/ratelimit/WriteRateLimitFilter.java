package org.clinictracker.gateway.ratelimit;

import java.security.Principal;

import org.clinictracker.gateway.problem.ProblemAnswers;
import org.clinictracker.platform.security.SecurityProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Limits each user's writes (POST, PUT, PATCH, DELETE under /api/**) so a runaway script cannot flood the
 * clinic's databases: over the limit the gateway answers 429 problem+json with {@code Retry-After} and
 * forwards nothing. Reads are not limited. As a gateway filter it runs on routed requests only, after
 * Spring Security: unauthenticated writes were refused before, and the caller is known by the principal's
 * name (a bearer token's preferred_username; a browser session must name the user alike, so that one
 * person has one allowance). A refusal is logged once, by the access log (status 429).
 */
public class WriteRateLimitFilter implements GlobalFilter, Ordered {

    /** Before the routes' own filters (circuit breaker, rewrites: order 1 and up) and before the body check. */
    public static final int ORDER = -20;

    private final WriteRateLimits limits;
    private final ProblemAnswers problems;

    public WriteRateLimitFilter(WriteRateLimits limits, ProblemAnswers problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!isWrite(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("").flatMap(user -> {
            if (user.isEmpty()) {
                // nobody's: the patient's answer API, limited per client address (PublicRateLimitFilter);
                // any other anonymous write was refused by Spring Security
                return chain.filter(exchange);
            }
            RateLimitVerdict verdict = limits.tryWrite(user);
            if (verdict.allowed()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
            return problems.answer(exchange, SecurityProblem.tooManyRequests(verdict.retryAfterSeconds()));
        });
    }

    static boolean isWrite(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        boolean writes = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
        return writes && request.getPath().value().startsWith("/api/");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
