package org.clinictracker.platform.problem;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer while the service's database is down or restarting ({@link org.clinictracker.platform.database.DatabaseOutage}):
 * 503 {@code database-unavailable} with {@code Retry-After}, the gateway's way of saying "try again shortly". A
 * change that failed this way was rolled back, unless the connection broke during its very commit: hence the hint
 * to repeat a POST with its Idempotency-Key, which cannot make it twice.
 */
final class DatabaseUnavailable {

    static final String CODE = "database-unavailable";

    private DatabaseUnavailable() {
    }

    /** For the log: the exception classes and SQL state, not their messages (a database's message may quote a row). */
    static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            description.append(description.isEmpty() ? "" : " < ").append(cause.getClass().getSimpleName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                description.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return description.toString();
    }

    static ResponseEntity<ProblemDetail> answer(Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now (it may be restarting). Try again in a few seconds;"
                        + " a POST repeated with the same Idempotency-Key is not applied twice.");
        problem.setType(URI.create(ProblemException.TYPE_BASE + CODE));
        problem.setTitle("Database unavailable");
        problem.setProperty("code", CODE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
