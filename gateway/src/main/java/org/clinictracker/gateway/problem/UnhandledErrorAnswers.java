package org.clinictracker.gateway.problem;

import org.clinictracker.gateway.requestid.RequestIdLogging;
import org.clinictracker.platform.security.SecurityProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Whatever no filter or route answered (no such file, a method not allowed, a failure in the gateway
 * itself) is answered as the services answer it: problem+json with a stable code, no cause in the body.
 * Ahead of Spring Boot's handler (order -1) and WebFlux's last resort, which would log the request's query
 * string, where a patient's name may be: this one logs the method and path only, and the failure without
 * the Reactor checkpoints WebFlux attached to it (they name the whole URI).
 */
@Component
@Order(-2)
public class UnhandledErrorAnswers implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnhandledErrorAnswers.class);

    private final ProblemAnswers problems;

    public UnhandledErrorAnswers(ProblemAnswers problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        if (exchange.getResponse().isCommitted()) {
            // the answer is half sent: nothing to do but end it (as WebFlux would, after logging the query)
            RequestIdLogging.log(exchange, () -> log.warn("{} {} broke off after the answer began: {}", method, path,
                    failure.getClass().getName()));
            return Mono.empty();
        }
        HttpStatus status = failure instanceof ErrorResponse error ? HttpStatus.resolve(error.getStatusCode().value()) : null;
        if (status == null || status.is5xxServerError()) {
            RequestIdLogging.log(exchange, () -> log.error("{} {} failed in the gateway", method, path,
                    withoutCheckpoints(failure)));
            // as the services' error page: the status kept, one code, no cause
            return problems.answer(exchange, new SecurityProblem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                    "internal-error", "Internal error",
                    "Something went wrong on our side; the X-Request-Id header helps find it in the logs."));
        }
        exchange.getResponse().getHeaders().addAll(((ErrorResponse) failure).getHeaders());
        return problems.answer(exchange, new SecurityProblem(status, status.name().toLowerCase().replace('_', '-'),
                status.getReasonPhrase(), "The gateway cannot answer this request (" + status.getReasonPhrase() + ")."));
    }

    /** The failure and its causes with their messages and stack traces, but none of the suppressed ones. */
    static Throwable withoutCheckpoints(Throwable failure) {
        if (failure == null) {
            return null;
        }
        String message = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        Throwable copy = new LoggedFailure(message, withoutCheckpoints(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands for a failure in the log; its message starts with the original's class. */
    static final class LoggedFailure extends RuntimeException {
        LoggedFailure(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
