package org.clinictracker.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service's production token decoder ({@code clinic.security.*}) at {@link TestTokenIssuer}
 * instead of Keycloak; the audience and every validator stay as configured for production.
 */
public class TestTokenIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("clinicTestTokenIssuer", Map.of(
                "clinic.security.issuer", TestTokenIssuer.issuer(),
                "clinic.security.jwk-set-uri", TestTokenIssuer.jwkSetUri())));
    }
}
