package org.clinictracker.gateway.accesslog;

import java.util.concurrent.atomic.AtomicReference;

import org.clinictracker.gateway.requestid.RequestIdLogging;
import org.clinictracker.gateway.requestid.RequestIdWebFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request: method, path, route, status, duration, request id, and nothing else. The query
 * string (a patient's name in a search), headers (tokens, cookies) and bodies carry patient data or
 * secrets and never reach the log. Runs right after {@link RequestIdWebFilter}, so refusals by Spring
 * Security are logged too (route {@code -}: refused before routing).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLogWebFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        return chain.filter(exchange)
                .doOnError(failure::set)
                .doFinally(signal -> RequestIdLogging.log(exchange, () -> log.info(
                        "{} {} route={} status={} duration={}ms requestId={}",
                        method, path, routeId(exchange), status(exchange, signal, failure.get()),
                        (System.nanoTime() - start) / 1_000_000, RequestIdWebFilter.of(exchange))));
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "-" : route.getId();
    }

    /** An error escaping the filters is answered later by the error handler: log the status it will give. */
    private static String status(ServerWebExchange exchange, SignalType signal, Throwable failure) {
        if (signal == SignalType.CANCEL) {
            return "cancelled";
        }
        if (failure != null) {
            return String.valueOf(failure instanceof ErrorResponse error ? error.getStatusCode().value() : 500);
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? "200" : String.valueOf(status.value());
    }
}
