package org.clinictracker.gateway.requestid;

import org.clinictracker.platform.requestid.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Logs a line with the exchange's request id in the logging context ({@code [%X{requestId}]}, as the
 * services' lines have it). The id is put there for the one log call, on whichever thread it runs: the
 * gateway does not carry the MDC along every Reactor operator ({@code spring.reactor.context-propagation=auto}
 * cost ~5 % of its CPU per request), so each place that logs while serving a request logs through here.
 */
public final class RequestIdLogging {

    private RequestIdLogging() {
    }

    public static void log(ServerWebExchange exchange, Runnable logCall) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, RequestIdWebFilter.of(exchange))) {
            logCall.run();
        }
    }
}
