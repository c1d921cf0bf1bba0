package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class ClinicSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner servletService = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClinicSecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class));

    @Test
    void a_service_that_does_not_say_which_realm_it_trusts_does_not_start() {
        servletService.run(context -> assertThat(context).getFailure()
                .hasRootCauseInstanceOf(BindValidationException.class).rootCause().hasMessageContaining("issuer"));
        servletService.withPropertyValues("clinic.security.issuer=http://localhost:8180/realms/clinic")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(BindValidationException.class).rootCause().hasMessageContaining("jwkSetUri"));
        servletService.withPropertyValues("clinic.security.issuer=http://localhost:8180/realms/clinic",
                        "clinic.security.jwk-set-uri=http://localhost:8180/realms/clinic/protocol/openid-connect/certs",
                        "clinic.security.audience= ")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(BindValidationException.class).rootCause().hasMessageContaining("audience"));
    }

    @Test
    void the_audience_defaults_to_the_clinic_api_and_the_clinic_decoder_is_the_only_one() {
        servletService.withPropertyValues("clinic.security.issuer=http://localhost:8180/realms/clinic",
                        "clinic.security.jwk-set-uri=http://localhost:8180/realms/clinic/protocol/openid-connect/certs",
                        // Boot's own properties would make Boot build a second decoder, without the audience check
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:8180/elsewhere")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ClinicSecurityProperties.class).audience()).isEqualTo("clinic-api");
                    assertThat(context.getBeansOfType(JwtDecoder.class)).containsOnlyKeys("clinicJwtDecoder");
                });
    }

    @Test
    void a_reactive_application_gets_no_servlet_decoder() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClinicSecurityAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JwtDecoder.class));
    }
}
