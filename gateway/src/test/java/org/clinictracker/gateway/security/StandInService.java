package org.clinictracker.gateway.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for the clinic's services behind the gateway: a plain HTTP server that records what reached it
 * (method, URI, Authorization and Cookie headers) and answers 200 with the security headers a service's
 * Spring Security sends by default, so the gateway's own headers can be shown not to be doubled.
 */
final class StandInService implements AutoCloseable {

    /** One request as the service saw it; absent headers are null. */
    record Received(String method, String uri, String authorization, String cookie) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                received.add(new Received(request.method().name(), request.uri(),
                        request.requestHeaders().get("Authorization"), request.requestHeaders().get("Cookie")));
                return request.receive().then()
                        .then(response.header("Content-Type", "application/json")
                                .header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                                .header("Pragma", "no-cache")
                                .header("Expires", "0")
                                .header("X-Content-Type-Options", "nosniff")
                                .header("X-Frame-Options", "DENY")
                                .header("X-XSS-Protection", "0")
                                .sendString(Mono.just("{\"served\":\"" + request.uri() + "\"}")).then());
            })
            .bindNow();

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
