package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.SoftAssertions;
import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.clinictracker.platform.security.ClinicRoles;
import org.clinictracker.platform.security.ClinicTokenValidators;
import org.clinictracker.platform.security.RealmRoleConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * platform-core is usable in the reactive gateway: the gateway's own context (its application.yml
 * routes) with a {@code SecurityWebFilterChain} built from the clinic's role table, the realm-role
 * converter and the services' token validators, called with real RS256-signed tokens. A permitted call
 * is routed to a stub service; a refused one never reaches it and answers the services' problem+json.
 * Issue 8 builds the gateway's real security; this only proves the shared pieces fit WebFlux.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoleTableTests {

    private static final String ISSUER = "http://keycloak.test/realms/clinic";
    private static final RSAKey SIGNING_KEY = generateKey();
    private static final AtomicInteger SERVICE_CALLS = new AtomicInteger();
    private static final DisposableServer SERVICE = HttpServer.create().port(0)
            .handle((request, response) -> {
                SERVICE_CALLS.incrementAndGet();
                return response.header("Content-Type", "application/json")
                        .sendString(reactor.core.publisher.Mono.just("{\"served\":\"" + request.uri() + "\"}"));
            })
            .bindNow();

    @DynamicPropertySource
    static void servicesAreTheStub(DynamicPropertyRegistry registry) {
        registry.add("PATIENT_SERVICE_URL", () -> "http://127.0.0.1:" + SERVICE.port());
        registry.add("PROCEDURE_SERVICE_URL", () -> "http://127.0.0.1:" + SERVICE.port());
        registry.add("FOLLOWUP_SERVICE_URL", () -> "http://127.0.0.1:" + SERVICE.port());
    }

    @AfterAll
    static void stopService() {
        SERVICE.disposeNow();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        SERVICE_CALLS.set(0);
    }

    @Test
    void a_role_the_table_allows_is_routed_to_the_service() {
        client.get().uri("/api/patients?q=ada").headers(bearer("front-desk")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served").isEqualTo("/api/patients?q=ada");
        client.post().uri("/api/procedures").headers(bearer("proceduralist"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        client.post().uri("/api/repeat-treatments/7b0c1f36-0000-4000-8000-000000000004/decision")
                .headers(bearer("coordinator")).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();

        assertThat(SERVICE_CALLS).hasValue(3);
    }

    @Test
    void a_role_the_table_does_not_allow_gets_the_services_403_and_the_service_is_not_called() {
        client.get().uri("/api/procedures").headers(bearer("front-desk")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clinic-tracker.org/problems/forbidden")
                .jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.detail").isEqualTo("Your role does not allow GET /api/procedures.");
        client.post().uri("/api/patients").headers(bearer("clinic-admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        client.delete().uri("/api/patients/7b0c1f36-0000-4000-8000-000000000001").headers(bearer("front-desk"))
                .exchange()
                .expectStatus().isForbidden();

        assertThat(SERVICE_CALLS).hasValue(0);
    }

    @Test
    void no_token_or_a_token_the_services_would_refuse_is_401() {
        client.get().uri("/api/patients").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        String otherAudience = token("front-desk", List.of("account"), Instant.now().plusSeconds(300));
        client.get().uri("/api/patients").headers(headers -> headers.setBearerAuth(otherAudience)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        String expired = token("front-desk", List.of("clinic-api"), Instant.now().minusSeconds(300));
        client.get().uri("/api/patients").headers(headers -> headers.setBearerAuth(expired)).exchange()
                .expectStatus().isUnauthorized();

        assertThat(SERVICE_CALLS).hasValue(0);
    }

    @Test
    void health_is_open_and_other_actuator_endpoints_are_clinic_admin_only() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").headers(bearer("coordinator")).exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/info").headers(bearer("clinic-admin")).exchange().expectStatus().isOk();
    }

    /**
     * The reactive adapter applies the table exactly: for a path made from every pattern of every rule,
     * each role (and a token with no clinic role) is let through or refused as {@link ClinicAccessRules}
     * decides.
     */
    @Test
    void the_gateway_answers_every_rule_of_the_table_as_the_table_says() {
        SoftAssertions softly = new SoftAssertions();
        List<String> callers = new ArrayList<>(ClinicRoles.ALL);
        callers.add("offline_access");
        for (AccessRule rule : ClinicAccessRules.RULES) {
            HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
            for (String pattern : rule.paths()) {
                String path = pattern.replace("/**", "/a/b").replace("*", "7b0c1f36-0000-4000-8000-00000000000c");
                for (String caller : callers) {
                    boolean permitted = ClinicAccessRules.permits(method, path, List.of(caller));
                    int status = client.method(method).uri(path).headers(bearer(caller)).exchange()
                            .returnResult(byte[].class).getStatus().value();
                    softly.assertThat(status != 401 && status != 403)
                            .as("%s %s %s answered %s", caller, method, path, status).isEqualTo(permitted);
                }
            }
        }
        softly.assertAll();
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String role) {
        String token = token(role, List.of("clinic-api"), Instant.now().plusSeconds(300));
        return headers -> headers.setBearerAuth(token);
    }

    private static String token(String role, List<String> audience, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject("user-" + role)
                .issuedAt(expiresAt.minusSeconds(600))
                .expiresAt(expiresAt)
                .claim("preferred_username", role + "1")
                .claim("realm_access", Map.of("roles", List.of(role)))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").keyId(SIGNING_KEY.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(SIGNING_KEY)))
                .encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("gateway-test").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What issue 8's gateway security would declare, reduced to the platform-core pieces under test. */
    @TestConfiguration
    @EnableWebFluxSecurity
    static class RoleTableSecurity {

        @Bean
        SecurityWebFilterChain roleTableChain(ServerHttpSecurity http, JsonMapper jsonMapper) throws Exception {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(SIGNING_KEY.toRSAPublicKey())
                    .build();
            decoder.setJwtValidator(ClinicTokenValidators.of(ISSUER, "clinic-api"));
            ReactiveProblemResponses problems = new ReactiveProblemResponses(jsonMapper);
            return http
                    .csrf(csrf -> csrf.disable())
                    .authorizeExchange(ReactiveRoleTable::apply)
                    .oauth2ResourceServer(oauth -> oauth
                            .jwt(jwt -> jwt.jwtDecoder(decoder)
                                    .jwtAuthenticationConverter(
                                            new ReactiveJwtAuthenticationConverterAdapter(new RealmRoleConverter())))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .build();
        }
    }
}
