package org.clinictracker.platform.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The checks a decoded token must pass besides its signature: our issuer, our audience, a {@code typ} of
 * JWT (so an ID or logout token is not taken for an access token) and a time window that includes now,
 * give or take {@code clockSkew} ({@link ClinicSecurityProperties#clockSkew()}).
 * Free of servlet types, so a reactive gateway can check tokens exactly the same way.
 */
public final class ClinicTokenValidators {

    private ClinicTokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience, Duration clockSkew) {
        JwtTimestampValidator timeWindow = new JwtTimestampValidator(clockSkew);
        // Spring accepts a token without exp; a token that never expires is not one we want to honour.
        timeWindow.setAllowEmptyExpiryClaim(false);
        return JwtValidators.createDefaultWithValidators(
                timeWindow,
                JwtTypeValidator.jwt(),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience));
    }
}
