package org.clinictracker.gateway.requestbody;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.clinictracker.gateway.problem.ProblemAnswers;
import org.clinictracker.gateway.ratelimit.WriteRateLimitFilter;
import org.clinictracker.platform.input.RequestBodyProperties;
import org.clinictracker.platform.security.SecurityProblem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over {@code clinic.http.max-request-body} (the services' own limit) with the
 * services' 413 problem, before it is forwarded: a service refusing it half-read would close the
 * connection under the gateway, which then answered 500. A declared length is judged from the header; a
 * chunked body (no length) is read up to the limit here and forwarded with its length, or refused once it
 * passes the limit. Either way the service never sees an oversized body.
 */
@Component
@EnableConfigurationProperties(RequestBodyProperties.class)
public class RequestBodySizeFilter implements GlobalFilter, Ordered {

    private final long maxBytes;
    private final ProblemAnswers problems;

    public RequestBodySizeFilter(RequestBodyProperties limits, ProblemAnswers problems) {
        this.maxBytes = Math.min(Integer.MAX_VALUE, limits.maxRequestBody().toBytes());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) maxBytes)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(body -> forwardWithLength(exchange, chain, body))
                .onErrorResume(DataBufferLimitException.class, tooBig -> tooLarge(exchange));
    }

    /**
     * The body read whole, sent on with a Content-Length instead of chunks. If it is never sent (the service
     * is stopped, its circuit open), its buffer is released here.
     */
    private static Mono<Void> forwardWithLength(ServerWebExchange exchange, GatewayFilterChain chain,
            Optional<DataBuffer> body) {
        HttpHeaders headers = HttpHeaders.copyOf(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.map(DataBuffer::readableByteCount).orElse(0));
        AtomicBoolean sent = new AtomicBoolean();
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> sent.compareAndSet(false, true) ? Mono.justOrEmpty(body).flux() : Flux.empty());
            }
        };
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> {
                    if (sent.compareAndSet(false, true)) {
                        body.ifPresent(DataBufferUtils::release);
                    }
                });
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.answer(exchange, SecurityProblem.payloadTooLarge(maxBytes), Map.of("maxBytes", maxBytes));
    }

    /** After the rate limit (a flood of big bodies is limited too), before the routes' own filters. */
    @Override
    public int getOrder() {
        return WriteRateLimitFilter.ORDER + 10;
    }
}
