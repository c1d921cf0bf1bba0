package org.clinictracker.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keycloak's admin REST API (the dev master-realm admin {@code admin}/{@code admin}) for what tests must set up
 * without touching what others use: a copy of a realm client for an app on a random port, a throwaway user
 * (e.g. one whose sessions a test may end), a user's sessions. Whatever a test creates, it deletes again
 * ({@link AutoCloseable}); the realm's own clients and dev users are only read.
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakAdmin() {
    }

    /**
     * A copy of the realm's client {@code clientId} (same flows, PKCE, secret and mappers) whose redirect and
     * post-logout URIs point at {@code appBaseUrl} instead of the client's root URL, e.g. a gateway under test on
     * a random port, with {@code extraAttributes} on top (e.g. {@code access.token.lifespan} for tokens that
     * expire in seconds). Changing the shared client instead would race with other test runs using it.
     */
    public static ClientCopy copyClient(String clientId, String appBaseUrl, Map<String, String> extraAttributes) {
        ObjectNode client = (ObjectNode) call("GET", "/clients?clientId=" + clientId, null).get(0);
        String rootUrl = client.path("rootUrl").asString("");
        String copyId = clientId + "-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> redirectUris = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> redirectUris.add(
                rootUrl.isEmpty() ? uri.asString() : uri.asString().replace(rootUrl, appBaseUrl)));
        client.remove("id");
        client.put("clientId", copyId);
        client.put("rootUrl", appBaseUrl);
        redirectUris.forEach(client.putArray("redirectUris")::add);
        ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        if (!rootUrl.isEmpty() && attributes.has("post.logout.redirect.uris")) {
            attributes.put("post.logout.redirect.uris",
                    attributes.get("post.logout.redirect.uris").asString().replace(rootUrl, appBaseUrl));
        }
        extraAttributes.forEach(attributes::put);
        if (client.get("protocolMappers") instanceof ArrayNode mappers) {
            mappers.forEach(mapper -> ((ObjectNode) mapper).remove("id"));
        }
        String id = idFromLocation(send("POST", "/clients", client));
        return new ClientCopy(id, copyId, client.path("secret").asString(null));
    }

    /** A new enabled user holding one realm role, with a random password; delete it with {@link ThrowawayUser#close()}. */
    public static ThrowawayUser createUser(String realmRole) {
        String username = "throwaway-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        ObjectNode user = JSON.createObjectNode()
                .put("username", username).put("enabled", true).put("emailVerified", true)
                .put("email", username + "@clinic.test").put("firstName", "Throwaway").put("lastName", "Tester");
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        String id = idFromLocation(send("POST", "/users", user));
        ArrayNode roles = JSON.createArrayNode().add(call("GET", "/roles/" + realmRole, null));
        send("POST", "/users/" + id + "/role-mappings/realm", roles);
        return new ThrowawayUser(id, username, password);
    }

    /** The user's id in the realm. */
    public static String userId(String username) {
        return call("GET", "/users?exact=true&username=" + username, null).get(0).get("id").asString();
    }

    /** Ids of the user's active Keycloak sessions. */
    public static List<String> sessionIds(String userId) {
        List<String> ids = new ArrayList<>();
        call("GET", "/users/" + userId + "/sessions", null).forEach(session -> ids.add(session.get("id").asString()));
        return ids;
    }

    /** Ends every Keycloak session of the user (their refresh tokens stop working). Only for throwaway users. */
    public static void endSessions(ThrowawayUser user) {
        send("POST", "/users/" + user.id() + "/logout", null);
    }

    /** A client made by {@link #copyClient}; {@link #close()} deletes it. */
    public record ClientCopy(String id, String clientId, String secret) implements AutoCloseable {
        @Override
        public void close() {
            send("DELETE", "/clients/" + id, null);
        }
    }

    /** A user made by {@link #createUser}; {@link #close()} deletes it. */
    public record ThrowawayUser(String id, String username, String password) implements AutoCloseable {
        @Override
        public void close() {
            send("DELETE", "/users/" + id, null);
        }
    }

    private static JsonNode call(String method, String path, JsonNode body) {
        return JSON.readTree(send(method, path, body).body());
    }

    private static HttpResponse<String> send(String method, String path, JsonNode body) {
        LocalKeycloak.ensureRunning();
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalKeycloak.baseUrl() + "/admin/realms/"
                        + LocalKeycloak.REALM + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin API: " + method + " " + path + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    /** The dev master-realm admin's token (master tokens live a minute: fetched per call). */
    private static String adminToken() {
        return KeycloakTokens.grant(LocalKeycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                "admin-cli", "admin", "admin").get("access_token").asString();
    }

    private static String idFromLocation(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created something but named no Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
