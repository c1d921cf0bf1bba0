package org.clinictracker.democlinic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's public API as the demo staff call it: through the gateway, each call as one dev user with a real
 * token. A write is sent with an {@code Idempotency-Key}, so it can be sent again without creating a second record
 * when the gateway asks to wait (429, its per-user write limit; 503) or the connection fails.
 */
final class ClinicApi {

    /** Sends of one request; a 429 or 503 asks to wait (Retry-After), a lost connection is tried again after 1 s. */
    private static final int ATTEMPTS = 20;
    private static final int CONNECTION_ATTEMPTS = 5;

    private final URI gateway;
    private final DevUserTokens tokens;
    private final HttpClient http;
    private final JsonMapper json;

    /** What came back: the status and the body as JSON (a missing node if none). */
    record Answer(int status, JsonNode body) {

        boolean created() {
            return status == 201;
        }

        /** The problem's stable {@code code}, or "" if none. */
        String code() {
            return body.path("code").asString("");
        }

        UUID id() {
            return UUID.fromString(body.get("id").asString());
        }
    }

    ClinicApi(URI gateway, DevUserTokens tokens, HttpClient http, JsonMapper json) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
    }

    Answer get(String user, String path) {
        return call(user, HttpRequest.newBuilder(gateway.resolve(path)).GET(), "GET " + path);
    }

    /** A POST of {@code body} (written as JSON) with its own Idempotency-Key, kept across retries. */
    Answer post(String user, String path, Object body) {
        return post(user, path, body, UUID.randomUUID().toString());
    }

    Answer post(String user, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return call(user, request, "POST " + path);
    }

    private Answer call(String user, HttpRequest.Builder request, String what) {
        request.timeout(Duration.ofSeconds(30));
        for (int attempt = 1; ; attempt++) {
            request.setHeader("Authorization", "Bearer " + tokens.of(user));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= CONNECTION_ATTEMPTS) {
                    throw new IllegalStateException(what + " got no answer from the gateway at " + gateway
                            + " (./clinic up?)", e);
                }
                DevUserTokens.pause(Duration.ofSeconds(1));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + what, e);
            }
            int status = response.statusCode();
            boolean wait = status == 429 || status == 503 || (status == 401 && attempt == 1);
            if (!wait || attempt >= ATTEMPTS) {
                return new Answer(status, parse(response.body()));
            }
            if (status == 401) {
                tokens.forget(user); // expired in flight: log in again
                continue;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            DevUserTokens.pause(Duration.ofSeconds(Math.max(1, Math.min(seconds, 15))));
        }
    }

    /** True if the gateway answers its health check (no token needed). */
    boolean answers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(gateway.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    JsonMapper json() {
        return json;
    }
}
