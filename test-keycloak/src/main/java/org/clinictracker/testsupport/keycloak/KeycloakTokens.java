package org.clinictracker.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the real Keycloak, by the password grant of the dev-only public client
 * {@code clinic-cli} (the same call {@code ./clinic token} makes). The dev users and their one realm role:
 * {@code frontdesk1} front-desk, {@code proceduralist1} proceduralist, {@code coordinator1} coordinator,
 * {@code admin1} clinic-admin; all with the dev password {@code clinic-dev}.
 */
public final class KeycloakTokens {

    public static final String DEV_PASSWORD = "clinic-dev";

    /** Dev user per realm role. */
    public static final Map<String, String> USER_OF_ROLE = Map.of(
            "front-desk", "frontdesk1",
            "proceduralist", "proceduralist1",
            "coordinator", "coordinator1",
            "clinic-admin", "admin1");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakTokens() {
    }

    /** A fresh access token of a dev user, through the clinic realm's {@code clinic-cli} client. */
    public static String accessToken(String username) {
        return grant(LocalKeycloak.tokenUri(), "clinic-cli", username, DEV_PASSWORD).get("access_token").asString();
    }

    /** A fresh access token of the dev user holding this realm role. */
    public static String accessTokenOfRole(String role) {
        String user = USER_OF_ROLE.get(role);
        if (user == null) {
            throw new IllegalArgumentException("no dev user holds the role " + role);
        }
        return accessToken(user);
    }

    /**
     * A password grant against any realm and client of this Keycloak: the whole token response (access,
     * refresh and ID tokens). Tests use it for tokens the clinic must refuse, for example one from the
     * realm's built-in {@code admin-cli} client (no clinic-api audience) or from the {@code master} realm
     * (a foreign issuer).
     */
    public static JsonNode grant(String tokenUri, String clientId, String username, String password) {
        LocalKeycloak.ensureRunning();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // With brute-force detection on, Keycloak refuses a login while another one of the same user is in flight
        // (its "blocking" protector; the answer reads like a wrong password): two test classes or a benchmark
        // asking for frontdesk1 at once. Such a refusal is over as soon as the other login is, so ask again.
        return Awaitility.await("a token for " + username + " from " + clientId)
                .atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(LoginRefused.class)
                .until(() -> send(request, username, clientId, tokenUri), token -> true);
    }

    private static JsonNode send(HttpRequest request, String username, String clientId, String tokenUri) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 || response.statusCode() == 401) {
                throw new LoginRefused("Keycloak refused a token for " + username + " from " + clientId + " at "
                        + tokenUri + ": " + response.statusCode() + " " + response.body());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + " from " + clientId + " at "
                        + tokenUri + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + tokenUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    private static final class LoginRefused extends IllegalStateException {

        LoginRefused(String message) {
            super(message);
        }
    }
}
