package org.clinictracker.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the clinic's rules produce on purpose (not found, stale version, duplicate chart...).
 * The {@link ProblemHandler} turns it into an RFC 9457 problem whose {@code type} and {@code code}
 * stay stable, so clients can branch on them.
 */
public class ProblemException extends RuntimeException {

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    public static final String TYPE_BASE = ProblemTypes.TYPE_BASE;

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "No " + what.toLowerCase() + " with id " + id + ".");
    }

    /** The client's {@code If-Match} names a version someone else has already replaced. */
    public static ProblemException staleVersion(long expected, long actual) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Record changed since you read it",
                "You edited version " + expected + " but the record is now at version " + actual
                        + "; reload it and apply your change again.")
                .with("currentVersion", actual);
    }

    /** A rule that bean validation cannot express (one field depends on another) was broken. */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    /** Fields refused before validation (text that cannot be stored, a name too long once normalised). */
    public static ProblemException invalidFields(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some fields are missing or invalid: " + fields + ".")
                .with("errors", List.copyOf(errors));
    }

    /** A body beyond the configured limit ({@code clinic.http.max-request-body}). */
    public static ProblemException payloadTooLarge(long limitBytes) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body is larger than the " + limitBytes + " bytes a request may have.")
                .with("maxBytes", limitBytes);
    }

    /** Well-formed, but against the clinic's rules (an impossible temperature, a missing spinal level...). */
    public static ProblemException ruleViolations(List<FieldError> violations) {
        String fields = String.join(", ", violations.stream().map(FieldError::field).distinct().toList());
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "clinical-rule-violation",
                "Against the clinic's rules", "These values are not possible as given: " + fields + ".")
                .with("errors", List.copyOf(violations));
    }

    public static ProblemException ifMatchRequired() {
        return new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match header required",
                "Send the ETag you read in an If-Match header so that nobody's change is overwritten.");
    }

    /**
     * Adds an extension member. RFC 9457's own members cannot be reused: a second {@code status} in the body would
     * make a client's JSON parser keep whichever came last.
     */
    public ProblemException with(String property, Object value) {
        if (STANDARD_MEMBERS.contains(property)) {
            throw new IllegalArgumentException("'" + property + "' is a standard problem member, not an extension");
        }
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
