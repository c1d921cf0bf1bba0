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
        if (exchange.getResponse().isCommitted()) {
            // the answer is half sent: nothing to do but end it (as WebFlux would, after logging the query)
            RequestIdLogging.log(exchange, () -> log.warn("{} {} broke off after the answer began: {}",
                    exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                    failure.getClass().getName()));
            return Mono.empty();
        }
        HttpStatus status = failure instanceof ErrorResponse error
                ? HttpStatus.resolve(error.getStatusCode().value()) : null;
        if (status == null || status.is5xxServerError()) {
            RequestIdLogging.log(exchange, () -> log.error("{} {} failed in the gateway",
                    exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(), withoutCheckpoints(failure)));
            return problems.answer(exchange, new SecurityProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "Internal error", "Something went wrong on our side; the X-Request-Id header helps find it in the logs."));
        }
        if (failure instanceof ErrorResponse error) {
            exchange.getResponse().getHeaders().addAll(error.getHeaders());
        }
        return problems.answer(exchange, new SecurityProblem(status, status.name().toLowerCase().replace('_', '-'),
                status.getReasonPhrase(), "The gateway cannot answer this request (" + status.getReasonPhrase() + ")."));
    }

    /** The failure and its causes with their messages and stack traces, but none of the suppressed ones. */
    static Throwable withoutCheckpoints(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable copy = new LoggedFailure(failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), withoutCheckpoints(failure.getCause()));
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
