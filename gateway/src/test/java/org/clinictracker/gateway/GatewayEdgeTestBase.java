package org.clinictracker.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of three stand-in services, one per way a service can be: the patient service
 * answers, the procedure service hangs, the follow-up service is stopped (nobody listens on its port).
 * Service timeouts are short (1 s) so a hanging service costs the tests little. Every test class of the
 * gateway's edge (request ids, outages, access log, body size, Swagger UI) extends this one and so shares
 * one application context; tokens come from the real Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CLINIC_SERVICE_TIMEOUT=1s", "CLINIC_SERVICE_CONNECT_TIMEOUT_MS=1000" })
public abstract class GatewayEdgeTestBase {

    public static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(1);

    protected static final StandInService PATIENTS = StandInService.answering();
    protected static final StandInService PROCEDURES = StandInService.hanging();
    private static final Socket STOPPED_SERVICE_SOCKET = new Socket();
    protected static final int FOLLOWUPS_PORT = freePort();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void servicesAreStandIns(DynamicPropertyRegistry registry) {
        LocalKeycloak.ensureRunning();
        registry.add("PATIENT_SERVICE_URL", PATIENTS::url);
        registry.add("PROCEDURE_SERVICE_URL", PROCEDURES::url);
        registry.add("FOLLOWUP_SERVICE_URL", () -> "http://127.0.0.1:" + FOLLOWUPS_PORT);
        // never a web app that happens to run on this machine's port 8084
        registry.add("WEB_APP_URL", () -> "http://127.0.0.1:" + FOLLOWUPS_PORT);
    }

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        PATIENTS.received().clear();
    }

    protected static Consumer<HttpHeaders> bearer(String role) {
        String token = token(role);
        return headers -> headers.setBearerAuth(token);
    }

    protected static String token(String role) {
        return TOKENS.computeIfAbsent(role, KeycloakTokens::accessTokenOfRole);
    }

    /**
     * A port nobody listens on, held for the whole run: a socket bound but never listening refuses every
     * connection, and the kernel cannot hand the port to anything else (a released port could become the
     * gateway's own random port, which would then route to itself and hang).
     */
    private static int freePort() {
        try {
            STOPPED_SERVICE_SOCKET.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return STOPPED_SERVICE_SOCKET.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
