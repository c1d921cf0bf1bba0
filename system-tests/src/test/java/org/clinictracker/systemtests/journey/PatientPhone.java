package org.clinictracker.systemtests.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The patient's phone on the public answer page, without a browser: plain HTTP through the gateway with no session
 * cookie and no token (the link's token is the only credential), following no redirect, as a form without
 * JavaScript posts ({@code application/x-www-form-urlencoded}).
 */
final class PatientPhone {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** What came back: status, headers and the page. */
    record Page(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body.substring(0, Math.min(body.length(), 400));
        }
    }

    private final String gatewayUrl;

    PatientPhone(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** Opens a link as received (an absolute URL) or a path on the gateway. */
    Page open(String linkOrPath) {
        String url = linkOrPath.startsWith("http") ? linkOrPath : gatewayUrl + linkOrPath;
        return send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/html"));
    }

    /** Posts the form's fields (a name may repeat, as checkboxes do) to {@code path} on the gateway. */
    Page post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html"));
    }

    /** A JSON call to the public API on the gateway (what a kiosk app would send). */
    Page postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
    }

    private static Page send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(20));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway gave no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
