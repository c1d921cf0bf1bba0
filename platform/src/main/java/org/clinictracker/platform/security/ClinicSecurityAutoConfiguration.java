package org.clinictracker.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Every service decodes bearer tokens with the same decoder (issuer, signature, time window, audience),
 * configured under {@code clinic.security}. Runs before Boot's resource-server configuration so that one
 * backs off; deliberately not replaceable by a service's own decoder bean. Servlet services only: a
 * reactive gateway builds its {@code NimbusReactiveJwtDecoder} with the same {@link ClinicTokenValidators}.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(ClinicSecurityProperties.class)
public class ClinicSecurityAutoConfiguration {

    @Bean
    JwtDecoder clinicJwtDecoder(ClinicSecurityProperties properties) {
        return ClinicJwtDecoders.fromJwkSet(properties);
    }
}
