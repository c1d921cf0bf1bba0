package org.clinictracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * Browsers send request after request over one keep-alive connection. Each must be answered, whether the
 * gateway answers it itself at once (401, 403) or routes it to a service. Reactor Netty up to 1.3.7
 * could stop reading such a connection after a request that had been queued behind the previous one was
 * answered synchronously (reactor-netty#4361, #4347): the next request then waited forever.
 * The requests are written on a raw socket so that one connection is used throughout and every answer
 * must come within {@link #ANSWER_WITHIN}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveConnectionTests {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static final StandInService SERVICE = StandInService.answering();

    @DynamicPropertySource
    static void servicesAreTheStub(DynamicPropertyRegistry registry) {
        LocalKeycloak.ensureRunning();
        SERVICE.standInForAllServices(registry);
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    /** One token for the class: fewer password grants against the shared dev realm. */
    static String frontDeskToken;

    @BeforeAll
    static void token() {
        frontDeskToken = KeycloakTokens.accessTokenOfRole("front-desk");
    }

    @BeforeEach
    void countServiceCallsAfresh() {
        SERVICE.forget();
    }

    @Test
    void hundreds_of_requests_one_after_another_on_one_connection_are_all_answered() throws IOException {
        List<Call> calls = List.of(
                new Call(get("/api/patients", null), 401),                       // the gateway refuses at once
                new Call(get("/api/patients?q=ada", frontDeskToken), 200),       // routed
                new Call(get("/api/procedures", frontDeskToken), 403),           // the role table refuses
                new Call(get("/actuator/health", null), 200),
                new Call(get("/api/patients/slow", frontDeskToken), 200));       // routed, answered later
        int rounds = 60;
        try (HttpConnection connection = new HttpConnection(port)) {
            for (int i = 0; i < rounds * calls.size(); i++) {
                Call call = calls.get(i % calls.size());
                connection.send(call.request());
                assertThat(connection.readStatus("request #" + i)).as("request #%d", i).isEqualTo(call.status());
            }
        }
        assertThat(SERVICE.received()).hasSize(rounds * 2);
    }

    /**
     * The case of reactor-netty#4361 made likely: a request arrives while the previous one is still being
     * served (pipelined, so it is queued), is answered synchronously, and then the connection must go on
     * reading. (On 1.3.6 this stalled in 3 of 4 runs; the test above in every run.)
     */
    @Test
    void a_queued_request_answered_at_once_does_not_stall_the_next_one() throws IOException {
        try (HttpConnection connection = new HttpConnection(port)) {
            for (int i = 0; i < 20; i++) {
                connection.send(get("/api/patients/slow", frontDeskToken) + get("/api/patients", null));
                assertThat(connection.readStatus("routed request of pair #" + i)).isEqualTo(200);
                assertThat(connection.readStatus("refused request of pair #" + i)).isEqualTo(401);
                connection.send(get("/api/procedures", frontDeskToken));
                assertThat(connection.readStatus("request after pair #" + i)).isEqualTo(403);
            }
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    private record Call(String request, int status) {
    }

    /** One HTTP/1.1 connection that is kept alive; reads whole responses (Content-Length or chunked). */
    private static final class HttpConnection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        HttpConnection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            in = new BufferedInputStream(socket.getInputStream());
        }

        void send(String requests) throws IOException {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        /** Reads one whole response and returns its status; fails the test if it does not come in time. */
        int readStatus(String what) throws IOException {
            try {
                String statusLine = line();
                assertThat(statusLine).as("%s: status line", what).startsWith("HTTP/1.1 ");
                List<String> headers = new ArrayList<>();
                for (String header = line(); !header.isEmpty(); header = line()) {
                    headers.add(header.toLowerCase());
                }
                assertThat(headers).as("%s: the gateway keeps the connection open", what)
                        .doesNotContain("connection: close");
                if (headers.contains("transfer-encoding: chunked")) {
                    for (int size = Integer.parseInt(line().trim(), 16); size > 0;
                            size = Integer.parseInt(line().trim(), 16)) {
                        in.readNBytes(size);
                        line();
                    }
                    line();
                }
                for (String header : headers) {
                    if (header.startsWith("content-length:")) {
                        int length = Integer.parseInt(header.substring("content-length:".length()).trim());
                        assertThat(in.readNBytes(length)).as("%s: body", what).hasSize(length);
                    }
                }
                return Integer.parseInt(statusLine.substring(9, 12));
            }
            catch (SocketTimeoutException e) {
                return fail("%s got no answer within %s on a kept-alive connection", what, ANSWER_WITHIN);
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the gateway closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
