package org.clinictracker.gateway.requestid;

import org.clinictracker.platform.requestid.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Logs a gateway line with the exchange's request id in the logging context, so
 * {@code logging.pattern.correlation} prints it as in the services. Reactive code hops threads, so the id
 * is put there only for the one log call.
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
