package org.clinictracker.platform.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which tokens a clinic service accepts: signed by the keys at {@code jwkSetUri}, issued by {@code issuer}
 * and meant for {@code audience} (the clinic API, not some other client of the same Keycloak realm).
 * A service without these refuses to start rather than accept tokens it cannot check.
 */
@Validated
@ConfigurationProperties("clinic.security")
public record ClinicSecurityProperties(
        @NotBlank String issuer,
        @NotBlank String jwkSetUri,
        @NotBlank @DefaultValue("clinic-api") String audience) {
}
