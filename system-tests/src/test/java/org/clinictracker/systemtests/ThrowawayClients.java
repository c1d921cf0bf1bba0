package org.clinictracker.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;

/**
 * Clients of realm {@code clinic} that a test makes for itself and deletes again (e.g. one whose access tokens
 * live seconds), through Keycloak's admin REST API as the master realm's dev admin ({@code admin}/{@code admin}).
 * The realm export and the shared clients are never changed.
 */
final class ThrowawayClients {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ThrowawayClients() {
    }

    /** Creates a client in realm clinic from its JSON representation; returns its id for {@link #delete}. */
    static String create(String representation) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(clientsUri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation)));
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() != 201 || location == null) {
            throw new IllegalStateException("Keycloak did not create the client: " + response.statusCode() + " " + response.body());
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void delete(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(clientsUri() + "/" + id)).DELETE());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IllegalStateException("Keycloak did not delete client " + id + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static URI clientsUri() {
        return URI.create(LocalKeycloak.baseUrl() + "/admin/realms/" + LocalKeycloak.REALM + "/clients");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        String adminToken = KeycloakTokens.grant(LocalKeycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                "admin-cli", "admin", "admin").get("access_token").asString();
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak's admin API", e);
        }
    }
}
