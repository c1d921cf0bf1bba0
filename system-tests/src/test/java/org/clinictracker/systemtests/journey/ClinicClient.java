package org.clinictracker.systemtests.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.systemtests.journey.RequestLog.SentRequest;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;

/**
 * One clinician (a dev user with a real token from the real Keycloak) calling the clinic through the gateway only.
 * Every call carries an {@code X-Request-Id} of its own, kept in the {@link RequestLog} so the audit trails can be
 * searched for it. When the gateway cannot pass a call on (503 while a service restarts) or does not answer at all
 * (itself restarting), the call is sent again as a person would, after a second, with the same request id and, for a
 * {@code POST}, the same {@code Idempotency-Key}: a write that did happen is answered again, never made twice.
 */
final class ClinicClient {

    /** How long a person keeps trying before giving up: a restart (JVM, Flyway, Kafka) plus an open circuit. */
    static final Duration PATIENCE = Duration.ofSeconds(150);
    /** Tokens live 5 minutes in the realm; a fresh one after a minute keeps long journeys clear of expiry. */
    private static final Duration TOKEN_AGE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String user;
    private final String gatewayUrl;
    private final RequestLog log;
    private String token;
    private Instant tokenAt = Instant.MIN;

    private ClinicClient(String user, String gatewayUrl, RequestLog log) {
        this.user = user;
        this.gatewayUrl = gatewayUrl;
        this.log = log;
    }

    /** {@code user} signed in (password grant of clinic-cli). */
    static ClinicClient signedIn(String user, String gatewayUrl, RequestLog log) {
        return new ClinicClient(user, gatewayUrl, log);
    }

    /** Someone who sends no token at all. */
    static ClinicClient withoutToken(String gatewayUrl, RequestLog log) {
        return new ClinicClient(null, gatewayUrl, log);
    }

    HttpAnswer get(String step, String path) {
        return send(step, "GET", path, null, null, null);
    }

    /** A GET asking for {@code accept} (e.g. {@code text/csv}). */
    HttpAnswer get(String step, String path, String accept) {
        return send(step, "GET", path, null, null, accept);
    }

    HttpAnswer post(String step, String path, String json) {
        return send(step, "POST", path, json, null, null);
    }

    HttpAnswer put(String step, String path, String ifMatch, String json) {
        return send(step, "PUT", path, json, ifMatch, null);
    }

    private HttpAnswer send(String step, String method, String path, String json, String ifMatch, String accept) {
        String requestId = requestId(step);
        String idempotencyKey = UUID.randomUUID().toString();
        Instant started = Instant.now();
        AtomicInteger tries = new AtomicInteger();
        Optional<HttpAnswer> answer;
        try {
            answer = Awaitility.await(method + " " + path + " (" + step + ") passed on by the gateway")
                    .atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        tries.incrementAndGet();
                        return exchange(request(method, path, json, ifMatch, accept, requestId, idempotencyKey));
                    }, sent -> sent.isPresent() && !unavailable(sent.get().status()));
        } catch (ConditionTimeoutException e) {
            log.add(new SentRequest(step, caller(), method, path, requestId, -1, tries.get(),
                    Duration.between(started, Instant.now()), Instant.now()));
            throw e;
        }
        log.add(new SentRequest(step, caller(), method, path, requestId, answer.get().status(), tries.get(),
                Duration.between(started, Instant.now()), Instant.now()));
        return answer.get();
    }

    private HttpRequest request(String method, String path, String json, String ifMatch, String accept,
            String requestId, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Request-Id", requestId)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + token());
        }
        return request.build();
    }

    private String caller() {
        return user == null ? "(no token)" : user;
    }

    private static boolean unavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static Optional<HttpAnswer> exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new HttpAnswer(response.statusCode(), header(response, "Content-Type"),
                    header(response, "WWW-Authenticate"), header(response, "Location"), response.body()));
        } catch (IOException e) {
            return Optional.empty(); // the gateway is not there (killed, restarting) or cut the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized String token() {
        if (Duration.between(tokenAt, Instant.now()).compareTo(TOKEN_AGE) > 0) {
            token = KeycloakTokens.accessToken(user);
            tokenAt = Instant.now();
        }
        return token;
    }

    /** {@code <step>-<random>}: readable in a log line, unique, and sane by the clinic's rule (letters, digits, -). */
    private static String requestId(String step) {
        return step + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
