package org.clinictracker.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One plain HTTP call (no Spring client in between) and what came back. */
public record HttpAnswer(int status, String contentType, String wwwAuthenticate, String location, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code method url}, with {@code Authorization: Bearer token} unless the token is null; no body. */
    public static HttpAnswer call(String method, String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()), token,
                method + " " + url);
    }

    /** {@code method url} with a JSON body, as {@code token}'s user. */
    public static HttpAnswer callWithJson(String method, String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), token, method + " " + url);
    }

    private static HttpAnswer send(HttpRequest.Builder request, String token, String what) {
        request.timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), header(response, "Content-Type"),
                    header(response, "WWW-Authenticate"), header(response, "Location"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + what, e);
        }
    }

    /** 401 in the clinic's problem shape. */
    public boolean refusedAsUnauthenticated() {
        return status == 401 && isProblem() && "unauthenticated".equals(problemCode());
    }

    /** 403 in the clinic's problem shape. */
    public boolean refusedAsForbidden() {
        return status == 403 && isProblem() && "forbidden".equals(problemCode());
    }

    /** The {@code code} of a problem body, null if the body is no JSON object. */
    public String problemCode() {
        JsonNode code = json().get("code");
        return code == null ? null : code.asString();
    }

    /** The body as JSON (a missing node if it is none). */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** A browser without a session sent to sign in with Keycloak (the gateway's answer for a page, not the API). */
    public boolean sentToSignIn() {
        return status == 302 && location != null && location.endsWith("/oauth2/authorization/keycloak");
    }

    /** The request got past security: no refusal and no sign-in, whatever the service then made of it. */
    public boolean passedSecurity() {
        return status != 401 && status != 403 && !sentToSignIn();
    }

    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
        return status + (contentType == null ? "" : " " + contentType)
                + (wwwAuthenticate == null ? "" : " [WWW-Authenticate: " + wwwAuthenticate + "]")
                + (location == null ? "" : " [Location: " + location + "]")
                + (body == null || body.isEmpty() ? "" : " " + body.substring(0, Math.min(body.length(), 200)));
    }

    /** HTTP/1.1 (no h2c upgrade) with kept-alive connections, as browsers and scripts call the clinic. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String header(HttpResponse<?> response, String name) {
        Optional<String> value = response.headers().firstValue(name);
        return value.orElse(null);
    }
}
