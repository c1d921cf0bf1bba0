package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm export that ./clinic up and docker-compose import gives every client's access tokens our audience. */
class KeycloakRealmAudienceTest {

    private static final Path REALM = Path.of("..", "keycloak", "clinic-realm.json");

    @Test
    void every_client_that_can_get_tokens_puts_the_clinic_api_in_their_audience() throws Exception {
        JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(REALM));
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.get("clients")) {
            if (!client.path("standardFlowEnabled").asBoolean(true) && !client.path("directAccessGrantsEnabled").asBoolean(false)
                    && !client.path("serviceAccountsEnabled").asBoolean(false)) {
                continue;
            }
            clients.add(client.get("clientId").asString());
            List<JsonNode> audienceMappers = new ArrayList<>();
            client.path("protocolMappers").forEach(mapper -> {
                if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asString(""))) {
                    audienceMappers.add(mapper.get("config"));
                }
            });
            assertThat(audienceMappers).as(client.get("clientId").asString()).anySatisfy(config -> {
                assertThat(config.path("included.custom.audience").asString("")).isEqualTo("clinic-api");
                assertThat(config.path("access.token.claim").asString("")).isEqualTo("true");
                // ID tokens are for the client itself; with our audience they could be replayed as access tokens.
                assertThat(config.path("id.token.claim").asString("false")).isEqualTo("false");
            });
        }
        assertThat(clients).contains("clinic-cli", "clinic-web", "clinic-swagger");
    }
}
