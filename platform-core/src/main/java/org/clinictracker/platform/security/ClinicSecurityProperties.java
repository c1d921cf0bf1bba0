package org.clinictracker.platform.security;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which tokens a clinic service accepts: signed by the keys at {@code jwkSetUri}, issued by {@code issuer}
 * and meant for {@code audience} (the clinic API, not some other client of the same Keycloak realm).
 * A service without these refuses to start rather than accept tokens it cannot check.
 * <p>
 * {@code clockSkew} is how far a token's {@code exp}/{@code nbf} may be off our clock and still count
 * (env {@code CLINIC_TOKEN_CLOCK_SKEW}). 30 s, half Spring's 60 s: Keycloak and the services sit on NTP-synced
 * hosts, so seconds of drift are all there is to absorb, and every extra second keeps a token alive after
 * its user was signed out or lost a role (access tokens live 5 minutes).
 */
@Validated
@ConfigurationProperties("clinic.security")
public record ClinicSecurityProperties(
        @NotBlank String issuer,
        @NotBlank String jwkSetUri,
        @NotBlank @DefaultValue("clinic-api") String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew) {
}
