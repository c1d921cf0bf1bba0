package org.clinictracker.platform.problem;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.clinictracker.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * What the servlet container's error page ({@code /error}) answers: refusals that happen before any
 * controller runs (a header the container cannot read, an exception in a filter) are problem+json with
 * a stable code too, instead of Spring Boot's default JSON. It says nothing about the cause: the log has it.
 * A filter that failed because the database is down or restarting (the idempotency filter's transaction) gets
 * the same 503 {@code database-unavailable} as a controller would.
 */
@Hidden // the container's error page, not an operation of the API
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final Duration databaseRetryAfter;

    public ProblemErrorController() {
        this(Duration.ofSeconds(5));
    }

    public ProblemErrorController(Duration databaseRetryAfter) {
        this.databaseRetryAfter = databaseRetryAfter;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.causedBy(failure)) {
            log.warn("Database unavailable: {}", DatabaseUnavailable.describe(failure));
            return DatabaseUnavailable.answer(databaseRetryAfter);
        }
        HttpStatus status = statusOf(request);
        String code = status.is5xxServerError() ? "internal-error"
                : status.name().toLowerCase().replace('_', '-');
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "Something went wrong on our side; the X-Request-Id header helps find it in the logs."
                : "The request could not be read as sent (" + status.getReasonPhrase() + ").");
        problem.setType(URI.create(ProblemException.TYPE_BASE + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri) {
            problem.setInstance(URI.create(uri.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
