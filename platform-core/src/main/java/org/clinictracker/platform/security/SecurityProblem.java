package org.clinictracker.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clinictracker.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal before any clinic code runs (no token, wrong role, too many requests, a service away), worded
 * once for the services' servlet filters and the gateway alike. The body is the clinic's problem shape:
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code code}. The reason a token was refused
 * (expired, wrong audience...) never goes into it.
 */
public record SecurityProblem(HttpStatus status, String code, String title, String detail) {

    public static SecurityProblem unauthenticated() {
        return new SecurityProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                "Send a valid bearer token from the clinic's Keycloak realm.");
    }

    public static SecurityProblem forbidden(String method, String path) {
        return new SecurityProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                "Your role does not allow " + method + " " + path + ".");
    }

    public static SecurityProblem tooManyRequests(long retryAfterSeconds) {
        return new SecurityProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "Slow down and try again in " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."));
    }

    public static SecurityProblem unavailable(String service) {
        return new SecurityProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The " + service + " cannot answer right now; nothing was changed. Try again shortly.");
    }

    /**
     * A change was sent to a service that did not answer in time (or broke off): it may have applied it,
     * so the caller must not be told that nothing changed.
     *
     * @param howToBeSure how this caller can find out without doing it twice
     */
    public static SecurityProblem outcomeUnknown(String service, String howToBeSure) {
        return new SecurityProblem(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "No answer from the service",
                "The " + service + " did not answer in time; your change may or may not have been saved. "
                        + howToBeSure);
    }

    /** The services' 413 wording ({@code payload-too-large}), for a refusal before the body reaches one. */
    public static SecurityProblem payloadTooLarge(long limitBytes) {
        return new SecurityProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body is larger than the " + limitBytes + " bytes a request may have.");
    }

    /**
     * RFC 6750's challenge: a token was sent but refused gives {@code error="invalid_token"}; none sent gives
     * a bare challenge.
     */
    public static String bearerChallenge(boolean tokenRefused) {
        return tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    /** The JSON body, in the order clients read it. */
    public Map<String, Object> body() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.TYPE_BASE + code);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code);
        return problem;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
