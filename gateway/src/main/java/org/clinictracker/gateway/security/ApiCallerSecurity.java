package org.clinictracker.gateway.security;

import java.time.Clock;

import org.clinictracker.platform.security.ClinicSecurityProperties;
import org.clinictracker.platform.security.ClinicTokenValidators;
import org.clinictracker.platform.security.RealmRoleConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Callers that send a bearer token (scripts, other systems, the services' Swagger UIs): the token is
 * checked exactly as the services check it (signature by the realm's keys, issuer, audience, expiry,
 * type) and the clinic's role table decides before anything is routed. Stateless: no session, so no
 * CSRF (a bearer token is not sent by a browser on its own). Every other caller is a browser session,
 * {@link BrowserSessionSecurity}, except on the patient's answer page and API ({@link PublicAnswerSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(ClinicSecurityProperties.class)
public class ApiCallerSecurity {

    /** Requests that carry {@code Authorization: Bearer …} (any case of the scheme, as RFC 6750 allows). */
    static final ServerWebExchangeMatcher BEARER_CALLS = exchange -> {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    @Bean
    ReactiveProblemResponses reactiveProblemResponses(JsonMapper jsonMapper) {
        return new ReactiveProblemResponses(jsonMapper);
    }

    @Bean
    ReactiveJwtDecoder clinicJwtDecoder(ClinicSecurityProperties security,
            @Value("${clinic.gateway.verified-tokens.maximum:10000}") long maximumTokens) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
        decoder.setJwtValidator(ClinicTokenValidators.of(security.issuer(), security.audience(), security.clockSkew()));
        return new VerifiedTokenCache(decoder, security.clockSkew(), maximumTokens, Clock.systemUTC());
    }

    /** After the patient's answer page and API ({@link PublicAnswerSecurity}), which no token opens. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain apiCallers(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ReactiveProblemResponses problems, ResponseProtections protections) {
        protections.applyTo(http);
        return http
                .securityMatcher(BEARER_CALLS)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(ReactiveRoleTable::apply)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenFromHeader())
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(new RealmRoleConverter())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
