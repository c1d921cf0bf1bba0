package org.clinictracker.gateway.requestid;

import org.clinictracker.platform.requestid.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Logs a line with the exchange's request id in the logging context from code that runs outside the
 * request's Reactor context (an error handler, after the filters): there {@link RequestIdLogContext} cannot
 * restore it, so it is put there for the one log call.
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
