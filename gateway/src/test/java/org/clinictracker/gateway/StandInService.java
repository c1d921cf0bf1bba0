package org.clinictracker.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A service behind the gateway in tests: a plain HTTP server on a free port that records what reached it
 * and, returning the request id it got, answers {@code /v3/api-docs} with a small OpenAPI document, {@code .../status/<code>} with that status
 * and a problem body, anything else with what it received (URI, request id, body length), after 50 ms if the
 * path holds "slow". Its answers carry
 * the security headers a service's Spring Security sends by default, so the gateway's own can be shown not
 * to be doubled.
 */
public final class StandInService implements AutoCloseable {

    /** One request as the service saw it. */
    public record Received(String method, String uri, String requestId, String contentLength, String body,
            String authorization, String cookie, String traceParent) {
    }

    public static final String DOCUMENT = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stand-in\",\"version\":\"1\"},"
            + "\"servers\":[{\"url\":\"/\"}],\"paths\":{}}";
    private static final Pattern STATUS = Pattern.compile(".*/status/(\\d{3})$");

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    private StandInService(boolean answers) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> answers ? answer(request, response) : Mono.never())
                .bindNow();
    }

    /** A service that answers. */
    public static StandInService answering() {
        return new StandInService(true);
    }

    /** A service that accepts connections and never answers (hung on a lock, a stuck database...). */
    public static StandInService hanging() {
        return new StandInService(false);
    }

    /** Every service the gateway routes to is this one, and so is the web app. */
    public void standInForAllServices(DynamicPropertyRegistry registry) {
        registry.add("PATIENT_SERVICE_URL", this::url);
        registry.add("PROCEDURE_SERVICE_URL", this::url);
        registry.add("FOLLOWUP_SERVICE_URL", this::url);
        registry.add("WEB_APP_URL", this::url);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Received> received() {
        return received;
    }

    public void forget() {
        received.clear();
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            received.add(new Received(request.method().name(), request.uri(), request.requestHeaders().get("X-Request-Id"),
                    request.requestHeaders().get("Content-Length"), body, request.requestHeaders().get("Authorization"),
                    request.requestHeaders().get("Cookie"), request.requestHeaders().get("traceparent")));
            response.header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate").header("Pragma", "no-cache")
                    .header("Expires", "0").header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("X-XSS-Protection", "0");
            // as the services do: the id they were given comes back on the answer
            String requestId = request.requestHeaders().get("X-Request-Id");
            if (requestId != null) {
                response.header("X-Request-Id", requestId);
            }
            Matcher status = STATUS.matcher(request.uri());
            if (status.matches()) {
                int code = Integer.parseInt(status.group(1));
                return response.status(code).header("Content-Type", "application/problem+json")
                        .header("X-Service-Said", "status " + code)
                        .sendString(Mono.just("{\"status\":" + code + ",\"code\":\"from-the-service\"}")).then();
            }
            if (request.uri().equals("/v3/api-docs")) {
                return response.header("Content-Type", "application/json").sendString(Mono.just(DOCUMENT)).then();
            }
            Mono<String> answer = Mono.just("{\"uri\":\"" + request.uri() + "\",\"bodyLength\":" + body.length() + "}");
            return response.header("Content-Type", "application/json")
                    // a path with "slow" in it answers after 50 ms, like a service doing some work
                    .sendString(request.uri().contains("slow") ? answer.delayElement(Duration.ofMillis(50)) : answer)
                    .then();
        });
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
