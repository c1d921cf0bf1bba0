package org.clinictracker.web.security;

import org.clinictracker.platform.security.ClinicJwtDecoders;
import org.clinictracker.platform.security.ClinicSecurityProperties;
import org.clinictracker.platform.security.RealmRoleConverter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The web app sits behind the gateway, which signs the user in and relays their access token with every page
 * request (TokenRelay). The token is checked here as at the services (issuer, signature, audience, expiry): the
 * web app trusts no header it cannot verify, even on its own port. No session and no cookie: the gateway holds
 * the session and checks CSRF for the browser; a bearer token is no ambient credential, so there is no CSRF here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClinicSecurityProperties.class)
class WebSecurity {

    @Bean
    JwtDecoder accessTokens(ClinicSecurityProperties properties) {
        return ClinicJwtDecoders.fromJwkSet(properties);
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, NotYourScreen notYourScreen) throws Exception {
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(PageAccess::apply)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RealmRoleConverter()))
                        .bearerTokenResolver(PageAccess.bearerTokens())
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(notYourScreen))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(notYourScreen))
                .build();
    }
}
