package org.clinictracker.platform.openapi;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the Swagger UI sign in with the clinic's public Keycloak client (authorization code with
 * PKCE, no secret) and document JSON answers as such. Added last, so a service's
 * application.yml or an environment variable ({@code SPRINGDOC_SWAGGER_UI_OAUTH_CLIENT_ID}) wins.
 */
public class SwaggerUiDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "springdoc.default-produces-media-type", "application/json",
            "springdoc.swagger-ui.oauth.client-id", "clinic-swagger",
            "springdoc.swagger-ui.oauth.use-pkce-with-authorization-code-grant", "true",
            "springdoc.swagger-ui.oauth.scopes", "openid",
            "springdoc.swagger-ui.persist-authorization", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("clinicSwaggerUiDefaults", DEFAULTS));
    }
}
