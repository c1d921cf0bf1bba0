package org.clinictracker.gateway.ratelimit;

import java.nio.charset.StandardCharsets;

import org.clinictracker.gateway.problem.ProblemAnswers;
import org.clinictracker.gateway.security.PublicAnswerSecurity;
import org.clinictracker.platform.security.SecurityProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Limits the patient's answer page and API per client address ({@link ClientAddress}): nobody is signed in there and
 * the link's token is the credential, so guessing tokens, or flooding the page, is slowed where it comes from. Over
 * the limit the gateway forwards nothing and answers 429 with {@code Retry-After}: a short HTML page for the answer
 * page (a patient's browser), problem+json for the API. A refusal is logged once, by the access log (status 429).
 */
public class PublicRateLimitFilter implements GlobalFilter, Ordered {

    /** Before the write limit (which has no user to count here) and the body check. */
    public static final int ORDER = WriteRateLimitFilter.ORDER - 5;

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** Plain and self-contained (the CSP allows no inline style); says nothing about any link or patient. */
    static final String TOO_MANY_REQUESTS_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Please wait a moment</title>
            </head>
            <body>
            <main>
              <h1>Please wait a moment</h1>
              <p>This page was asked for too often from your connection. Wait a minute, then open your link again.</p>
              <p>If you were sending your answers, they have not been received yet: send them again after a minute.</p>
            </main>
            </body>
            </html>
            """;

    private final ClientAddressLimits limits;
    private final ProblemAnswers problems;

    public PublicRateLimitFilter(ClientAddressLimits limits, ProblemAnswers problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!PublicAnswerSecurity.isPublic(exchange)) {
            return chain.filter(exchange);
        }
        RateLimitVerdict verdict = limits.tryRequest(ClientAddress.of(exchange));
        if (verdict.allowed()) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
        if (PublicAnswerSecurity.isAnswerPage(exchange)) {
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            response.getHeaders().setContentType(HTML);
            byte[] page = TOO_MANY_REQUESTS_PAGE.getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(page)));
        }
        return problems.answer(exchange, SecurityProblem.tooManyRequests(verdict.retryAfterSeconds()));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
