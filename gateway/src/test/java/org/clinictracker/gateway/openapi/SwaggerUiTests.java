package org.clinictracker.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinictracker.gateway.GatewayEdgeTestBase;
import org.clinictracker.gateway.StandInService;
import org.junit.jupiter.api.Test;

/** One Swagger UI at the gateway, open to all, listing each service's document read through the gateway. */
class SwaggerUiTests extends GatewayEdgeTestBase {

    @Test
    void the_swagger_ui_is_open_through_the_gateway() {
        String location = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
    }

    @Test
    void its_configuration_lists_the_three_services_documents() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(List.class, urls -> assertThat(urls)
                        .containsExactlyInAnyOrder("/v3/api-docs/patients", "/v3/api-docs/procedures", "/v3/api-docs/followups"));
    }

    @Test
    void it_signs_in_with_the_public_keycloak_client_and_pkce_on_the_redirect_the_realm_allows() {
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("\"clientId\":\"clinic-swagger\"", "\"usePkceWithAuthorizationCodeGrant\":true"));
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.oauth2RedirectUrl").value(String.class, redirect -> assertThat(redirect)
                        .endsWith("/swagger-ui/oauth2-redirect.html"));
        // its sign-in callback is an inline script: allowed on Swagger UI's pages, and there only
        client.get().uri("/swagger-ui/oauth2-redirect.html").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self' 'unsafe-inline'"));
        client.get().uri("/api/patients").exchange().expectStatus().isUnauthorized()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self';").doesNotContain("unsafe-inline"));
    }

    @Test
    void a_services_document_is_read_through_the_gateway_without_a_token() {
        client.get().uri("/v3/api-docs/patients").exchange()
                .expectStatus().isOk()
                .expectBody().json(StandInService.DOCUMENT, true);

        assertThat(PATIENTS.received()).singleElement()
                .satisfies(received -> assertThat(received.uri()).isEqualTo("/v3/api-docs"));
    }
}
