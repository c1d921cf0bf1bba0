package org.clinictracker.gateway.requestid;

import org.clinictracker.platform.requestid.RequestIds;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

import io.micrometer.context.ContextRegistry;

/**
 * Lets every gateway log line written while serving a request carry its id, as the services' lines do:
 * {@link RequestIdWebFilter} puts the id into the Reactor context, and with
 * {@code spring.reactor.context-propagation=auto} Reactor restores it into the logging MDC on whichever
 * thread the request continues.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdLogContext {

    RequestIdLogContext() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestIds.MDC_KEY,
                () -> MDC.get(RequestIds.MDC_KEY),
                requestId -> MDC.put(RequestIds.MDC_KEY, requestId),
                () -> MDC.remove(RequestIds.MDC_KEY));
    }
}
