package org.clinictracker.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.clinictracker.testsupport.keycloak.KeycloakTokens;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's callers under load, as the chaos tests need them: many threads through the gateway with real tokens
 * of the dev users (renewed well before they expire), every answer kept with when it was asked and how long it
 * took, no answer at all being an answer too (status 0). A registration is sent as a careful client sends it: with
 * an {@code Idempotency-Key}, so that sending it again after a 429, a 503 or a lost answer cannot make two charts.
 */
final class GatewayCaller {

    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(2); // the realm's tokens live 5 minutes
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String gatewayUrl;
    private final Map<String, Token> tokens = new HashMap<>();

    GatewayCaller(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** One answer (status 0: none, the connection failed or 20 s passed). */
    record Answer(String call, int status, String contentType, Integer retryAfterSeconds, String body, Instant sentAt,
            Duration took) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem's {@code code}, null if the body is none. */
        String code() {
            try {
                JsonNode code = JSON.readTree(body).get("code");
                return code == null ? null : code.asString();
            } catch (JacksonException | IllegalArgumentException e) {
                return null;
            }
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return call + " at " + sentAt + " → " + (status == 0 ? "no answer" : status) + " after " + took.toMillis()
                    + " ms" + (retryAfterSeconds == null ? "" : " [Retry-After " + retryAfterSeconds + "]")
                    + (body == null ? "" : " " + body.substring(0, Math.min(body.length(), 200)));
        }
    }

    Answer get(String role, String path) {
        return send(role, "GET", path, null, null);
    }

    /**
     * Registers one person ({@code POST /api/patients}) and sends it again, with the same key, for as long as
     * {@code sendAgain} says so of the answer, after the answer's {@code Retry-After} (1 s without one). Returns
     * every answer, the last one the outcome.
     */
    List<Answer> register(String registration, Predicate<Answer> sendAgain) {
        String key = UUID.randomUUID().toString();
        List<Answer> answers = new ArrayList<>();
        while (true) {
            Answer answer = send("front-desk", "POST", "/api/patients", registration, key);
            answers.add(answer);
            if (!sendAgain.test(answer)) {
                return answers;
            }
            waitAsTold(answer);
        }
    }

    Answer send(String role, String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token(role))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String call = role + " " + method + " " + path;
        Instant sentAt = Instant.now();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(call, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").map(Integer::valueOf).orElse(null), response.body(),
                    sentAt, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return new Answer(call, 0, null, null, e.toString(), sentAt, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + call, e);
        }
    }

    /**
     * Honours the answer's {@code Retry-After} as a polite client does. A pause the server asked for, not a wait for
     * a condition: there is nothing to poll.
     */
    private static void waitAsTold(Answer answer) {
        try {
            TimeUnit.SECONDS.sleep(answer.retryAfterSeconds() == null ? 1 : answer.retryAfterSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send again: " + answer, e);
        }
    }

    private synchronized String token(String role) {
        Token token = tokens.get(role);
        if (token == null || token.fetchedAt().plus(TOKEN_RENEWAL).isBefore(Instant.now())) {
            token = new Token(KeycloakTokens.accessTokenOfRole(role), Instant.now());
            tokens.put(role, token);
        }
        return token.value();
    }

    private record Token(String value, Instant fetchedAt) {
    }
}
