package org.clinictracker.gateway.resilience;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.clinictracker.gateway.requestid.RequestIdLogging;
import org.clinictracker.platform.security.SecurityProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * What a caller gets when a service (or the web app) is stopped, hangs or its circuit is open: 503 problem+json with
 * {@code Retry-After}, worded for what may have happened. A read, a request never delivered (connection
 * refused, circuit open) changed nothing; a write that was sent but got no answer may have been applied,
 * and the caller is told how to find out without doing it twice. Reached only by the routes'
 * {@code CircuitBreaker} filters ({@code forward:/fallback/<route>}); the role table refuses it to callers.
 * A browser opening one of the web app's pages gets a small HTML page saying the same instead; the patient's answer
 * page (route {@code web-public}) always gets a page, worded for the patient.
 */
@Hidden
@RestController
class ServiceFallback {

    private static final Logger log = LoggerFactory.getLogger(ServiceFallback.class);

    private static final String WEB_APP = "web";
    private static final String PATIENT_ANSWER_PAGE = "web-public";
    private static final Map<String, String> SERVICE_NAMES = Map.of("patients", "patient service",
            "procedures", "procedure service", "followups", "follow-up service", WEB_APP, "web app",
            PATIENT_ANSWER_PAGE, "web app");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /**
     * What a person opening a page sees while the web app is away (restarting, deploying): a page, not JSON. Plain
     * and self-contained: the web app's styles are away too, and the CSP allows no inline style or script.
     */
    static final String WEB_APP_AWAY = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Starting or away · Clinic tracker</title>
            </head>
            <body>
            <main>
              <h1>Clinic tracker</h1>
              <p>The clinic's web app is starting or away; try again in a moment.</p>
              <p>Nothing you saved is lost. Reload this page to try again.</p>
            </main>
            </body>
            </html>
            """;

    /**
     * The same for a patient opening the link sent to them (no account, perhaps on their phone): nothing about the
     * clinic's system, and what to do. Answers posted while the web app was away may or may not have arrived; the
     * link itself tells them when opened again (the answers are recorded, or the questions are still open).
     */
    static final String PATIENT_PAGE_AWAY = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Please try again in a few minutes</title>
            </head>
            <body>
            <main>
              <h1>Please try again in a few minutes</h1>
              <p>This page cannot open right now. Open the link you were sent again in a few minutes.</p>
              <p>If you had just sent your answers, opening the link again shows whether they arrived.</p>
            </main>
            </body>
            </html>
            """;

    private final Duration retryAfter;

    ServiceFallback(@Value("${clinic.resilience.retry-after:10s}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @RequestMapping("/fallback/{route}")
    ResponseEntity<?> serviceDidNotAnswer(@PathVariable String route, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        HttpMethod method = exchange.getRequest().getMethod();
        SecurityProblem problem = problem(SERVICE_NAMES.getOrDefault(route, "service"), method, cause);
        RequestIdLogging.log(exchange, () -> log.warn("{} did not answer {}: {} ({})", route, method.name(),
                cause == null ? "no cause" : cause.getClass().getSimpleName(), problem.code()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        if (WEB_APP.equals(route) && asksForHtml(exchange)) {
            return answer.contentType(HTML).body(WEB_APP_AWAY);
        }
        if (PATIENT_ANSWER_PAGE.equals(route)) {
            return answer.contentType(HTML).body(PATIENT_PAGE_AWAY);
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.body());
    }

    /** A browser opening a page names text/html in Accept; htmx's requests and scripts accept anything. */
    private static boolean asksForHtml(ServerWebExchange exchange) {
        try {
            return exchange.getRequest().getHeaders().getAccept().stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (InvalidMediaTypeException unreadable) {
            return false; // an Accept header no browser sends: the problem+json
        }
    }

    static SecurityProblem problem(String service, HttpMethod method, Throwable cause) {
        boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (reads || neverDelivered(cause)) {
            return SecurityProblem.unavailable(service);
        }
        return SecurityProblem.outcomeUnknown(service, method == HttpMethod.POST
                ? "Repeat it with the same Idempotency-Key to be sure: a change already saved is not made twice."
                : "Read the record again before repeating it: if it was saved, your If-Match is stale now (412).");
    }

    /** The service never saw the request: no connection, or the open circuit kept it here. */
    private static boolean neverDelivered(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof CallNotPermittedException) {
                return true;
            }
        }
        return false;
    }
}
