package org.clinictracker.gateway.security;

import java.util.List;
import java.util.Map;

import org.clinictracker.platform.security.ClinicSecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;

/**
 * The browser sign-in's Keycloak client, with Keycloak's addresses given, not discovered: in a container network
 * or a cluster the browser reaches Keycloak at one address (the front channel: sign-in page, logout page, and so
 * the tokens' issuer) and the gateway at another (the back channel: code redemption, keys, user info). Discovery
 * at the issuer would need the gateway to reach the browser's address, and would make Keycloak a start-up
 * dependency. The provider block of application.yml gives the endpoints; here the registration gets what Boot's
 * properties cannot carry: the issuer every ID token must name ({@code clinic.security.issuer}, the one the
 * bearer tokens are held to) and Keycloak's logout page for RP-initiated logout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class KeycloakSignIn {

    @Bean
    InMemoryReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
            ClinicSecurityProperties security, @Value("${clinic.gateway.keycloak.end-session-uri}") String endSessionUri) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
                .values().stream()
                .map(registration -> ClientRegistration.withClientRegistration(registration)
                        .issuerUri(security.issuer())
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", endSessionUri))
                        .build())
                .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }
}
