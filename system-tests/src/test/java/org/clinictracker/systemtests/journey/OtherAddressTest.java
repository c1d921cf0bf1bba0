package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.clinictracker.systemtests.journey.OtherAddress.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The patients' phones of the system tests reach a server from loopback addresses of their own, one each, and read
 * its answers whole, chunked or not: a small JDK HTTP server stands in for the gateway.
 */
class OtherAddressTest {

    private HttpServer server;
    private final List<String> callers = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0); // every address, as the gateway listens
        server.createContext("/", exchange -> {
            synchronized (callers) {
                callers.add(exchange.getRemoteAddress().getAddress().getHostAddress());
            }
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " "
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-For") + " Grüße " + "x".repeat(20_000))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "6");
            boolean chunked = exchange.getRequestURI().getPath().startsWith("/chunked");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/limited") ? 429 : 200,
                    chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void each_client_calls_from_an_address_of_its_own() {
        OtherAddress first = OtherAddress.fresh(url());
        OtherAddress second = OtherAddress.fresh(url());

        first.get("/answer?token=a", "text/html");
        second.get("/answer?token=b", "text/html");

        assertThat(first.address()).startsWith("127.0.0.").isNotEqualTo("127.0.0.1").isNotEqualTo(second.address());
        assertThat(callers).containsExactly(first.address(), second.address());
    }

    @Test
    void answers_are_read_whole_with_their_status_and_headers_chunked_or_not() {
        OtherAddress client = OtherAddress.fresh(url());

        Answer plain = client.post("/answer", "text/html", "application/x-www-form-urlencoded", "painNow=3&token=t");
        Answer chunked = client.get("/chunked/limited?token=x", "text/html");
        Answer forged = client.getClaimingToBe("/answer", "203.0.113.9");

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body()).startsWith("POST /answer painNow=3&token=t null Grüße").endsWith("x".repeat(20_000));
        assertThat(chunked.status()).isEqualTo(429);
        assertThat(chunked.header("Retry-After")).isEqualTo("6");
        assertThat(chunked.header("transfer-encoding")).isEqualToIgnoringCase("chunked");
        assertThat(chunked.body()).startsWith("GET /chunked/limited?token=x  null Grüße").endsWith("x".repeat(20_000));
        assertThat(forged.body()).contains(" 203.0.113.9 ");
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }
}
