package org.clinictracker.gateway.security;

import java.net.URI;
import java.util.Base64;
import java.util.Map;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin.ClientCopy;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway on a free port of localhost signing browser users in through a copy of the realm's
 * {@code clinic-web} client whose redirect and post-logout URIs name that port (Keycloak checks them exactly;
 * the shared client lists only the dev port 8080), routing to a {@link StandInService}.
 */
final class GatewayUnderTest implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final int port = TestSocketUtils.findAvailableTcpPort();
    final String baseUrl = "http://localhost:" + port;
    final StandInService services = StandInService.answering();
    private ClientCopy webClient;

    /** Registers the gateway's port, its Keycloak client (with these extra client attributes) and routes. */
    void register(DynamicPropertyRegistry registry, Map<String, String> clientAttributes) {
        LocalKeycloak.ensureRunning();
        webClient = KeycloakAdmin.copyClient("clinic-web", baseUrl, clientAttributes);
        registry.add("server.port", () -> port);
        registry.add("spring.security.oauth2.client.registration.keycloak.client-id", webClient::clientId);
        registry.add("spring.security.oauth2.client.registration.keycloak.client-secret", webClient::secret);
        services.standInForAllServices(registry);
    }

    URI at(String path) {
        return URI.create(baseUrl + path);
    }

    String clientId() {
        return webClient.clientId();
    }

    /** The claims of a JWT (already checked by whoever issued or accepted it; here only read). */
    static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Override
    public void close() {
        services.close();
        if (webClient != null) {
            webClient.close();
        }
    }
}
