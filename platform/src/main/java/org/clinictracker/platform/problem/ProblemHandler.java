package org.clinictracker.platform.problem;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clinictracker.platform.database.DatabaseOutage;
import org.clinictracker.platform.input.RequestBodyTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error into {@code application/problem+json}: the clinic's own refusals, validation
 * failures (naming each field), unreadable bodies, the database down or restarting as a 503 with
 * {@code Retry-After} and, last, anything unexpected as a 500 whose detail gives nothing away.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of Boot's own problem-details advice, should someone enable it
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Duration databaseRetryAfter;

    public ProblemHandler() {
        this(Duration.ofSeconds(5));
    }

    /** @param databaseRetryAfter the {@code Retry-After} of the 503 while the database cannot be reached */
    public ProblemHandler(Duration databaseRetryAfter) {
        this.databaseRetryAfter = databaseRetryAfter;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> clinicRefusal(ProblemException ex) {
        return ResponseEntity.status(ex.status()).body(ex.toProblemDetail());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterOfWrongType(MethodArgumentTypeMismatchException ex) {
        return validationProblem(List.of(new FieldError(ex.getName(), "has an invalid value")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DatabaseOutage.causedBy(ex)) {
            // expected while PostgreSQL restarts: one line, not a stack trace per request
            log.warn("Database unavailable: {}", DatabaseUnavailable.describe(ex));
            return DatabaseUnavailable.answer(databaseRetryAfter);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the request id in the X-Request-Id header helps us find it.");
        problem.setType(URI.create(ProblemException.TYPE_BASE + "internal-error"));
        problem.setTitle("Internal error");
        problem.setProperty("code", "internal-error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        List<FieldError> objectErrors = ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldError(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return asObject(validationProblem(Stream.concat(errors.stream(), objectErrors.stream()).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return asObject(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLarge tooLarge = causeOfType(ex, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return asObject(clinicRefusal(ProblemException.payloadTooLarge(tooLarge.limitBytes())));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readableReason(ex));
        problem.setType(URI.create(ProblemException.TYPE_BASE + "malformed-request"));
        problem.setTitle("Malformed request body");
        problem.setProperty("code", "malformed-request");
        String field = offendingField(ex);
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldError(field, "has a value of the wrong type or format")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC errors (405, 406, 415, missing parameter...) get our stable type and code too.
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = HttpStatus.valueOf(statusCode.value()).name().toLowerCase().replace('_', '-');
            problem.setType(URI.create(ProblemException.TYPE_BASE + code));
            problem.setProperty("code", code);
        }
        return response;
    }

    static ResponseEntity<ProblemDetail> validationProblem(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String fields = sorted.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or invalid: " + fields + ".");
        problem.setType(URI.create(ProblemException.TYPE_BASE + "validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("code", "validation");
        problem.setProperty("errors", sorted);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String readableReason(HttpMessageNotReadableException ex) {
        String field = offendingField(ex);
        if (field != null) {
            return "The field '" + field + "' has a value of the wrong type or format.";
        }
        return ex.getCause() instanceof JacksonException
                ? "The body is not well-formed JSON."
                : "The request body is missing or unreadable.";
    }

    /** The JSON path Jackson was at when it gave up, e.g. {@code address.postalCode} or {@code targets[0].nerve}. */
    private static String offendingField(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof DatabindException databind) || databind.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (var reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
