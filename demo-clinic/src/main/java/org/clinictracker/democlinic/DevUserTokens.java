package org.clinictracker.democlinic;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of the dev users, by the password grant of the public client {@code clinic-cli} (what
 * {@code ./clinic token} does), kept until shortly before they expire. One login per user at a time (Keycloak's
 * brute-force detection refuses a login while another of the same user is in flight), and a refused login is never
 * tried again: a wrong password repeated would lock the user for everyone.
 */
final class DevUserTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final URI tokenUri;
    private final String password;
    private final HttpClient http;
    private final JsonMapper json;
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    DevUserTokens(URI tokenUri, String password, HttpClient http, JsonMapper json) {
        this.tokenUri = tokenUri;
        this.password = password;
        this.http = http;
        this.json = json;
    }

    synchronized String of(String username) {
        Token token = tokens.get(username);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            token = login(username);
            tokens.put(username, token);
        }
        return token.value();
    }

    /** Forgets a token the clinic refused (401), so the next call logs in again. */
    synchronized void forget(String username) {
        tokens.remove(username);
    }

    private Token login(String username) {
        String form = "grant_type=password&client_id=clinic-cli&username=" + encode(username) + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak gave no token for " + username + " at " + tokenUri + ": "
                    + response.statusCode() + " " + response.body()
                    + " (a wrong CLINIC_PASSWORD? the dev users' password is clinic-dev)");
        }
        JsonNode body = json.readTree(response.body());
        Instant expires = Instant.now().plusSeconds(body.path("expires_in").asLong(60));
        return new Token(body.get("access_token").asString(), expires.minus(RENEW_BEFORE_EXPIRY));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + tokenUri + " (./clinic up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
