package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tolerated clock skew decides how long after {@code exp} (and how long before {@code nbf}) a token
 * still counts. The edges are taken a few seconds wide so a slow test machine cannot tip them.
 */
class ClinicTokenValidatorsTest {

    private static final String ISSUER = "http://localhost:8180/realms/clinic";

    @Test
    void a_token_expired_less_than_the_skew_ago_still_counts_and_one_expired_longer_ago_does_not() {
        OAuth2TokenValidator<Jwt> validators = ClinicTokenValidators.of(ISSUER, "clinic-api", Duration.ofSeconds(30));

        assertThat(validators.validate(accessToken(Instant.now().minusSeconds(25), null)).hasErrors()).isFalse();
        assertThat(validators.validate(accessToken(Instant.now().minusSeconds(35), null)).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("expired"));
    }

    @Test
    void a_one_second_skew_refuses_a_token_a_few_seconds_past_its_expiry() {
        OAuth2TokenValidator<Jwt> validators = ClinicTokenValidators.of(ISSUER, "clinic-api", Duration.ofSeconds(1));

        assertThat(validators.validate(accessToken(Instant.now().plusSeconds(5), null)).hasErrors()).isFalse();
        assertThat(validators.validate(accessToken(Instant.now().minusSeconds(3), null)).hasErrors()).isTrue();
    }

    @Test
    void a_token_not_yet_valid_counts_only_within_the_skew() {
        OAuth2TokenValidator<Jwt> validators = ClinicTokenValidators.of(ISSUER, "clinic-api", Duration.ofSeconds(30));
        Instant expiry = Instant.now().plusSeconds(300);

        assertThat(validators.validate(accessToken(expiry, Instant.now().plusSeconds(25))).hasErrors()).isFalse();
        assertThat(validators.validate(accessToken(expiry, Instant.now().plusSeconds(35))).hasErrors()).isTrue();
    }

    @Test
    void the_skew_is_thirty_seconds_unless_configured() {
        Map<String, String> required = Map.of("clinic.security.issuer", ISSUER,
                "clinic.security.jwk-set-uri", ISSUER + "/protocol/openid-connect/certs");
        Map<String, String> oneSecond = new HashMap<>(required);
        oneSecond.put("clinic.security.clock-skew", "1s");

        assertThat(bind(required).clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(oneSecond).clockSkew()).isEqualTo(Duration.ofSeconds(1));
    }

    private static ClinicSecurityProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("clinic.security", ClinicSecurityProperties.class).get();
    }

    private static Jwt accessToken(Instant expiresAt, Instant notBefore) {
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256").header("typ", "JWT")
                .issuer(ISSUER).audience(List.of("clinic-api")).subject("u1")
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt);
        if (notBefore != null) {
            token.notBefore(notBefore);
        }
        return token.build();
    }
}
