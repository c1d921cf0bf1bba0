package org.clinictracker.platform.security;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one place a clinic service's {@link JwtDecoder} is built: RS256 signatures checked against the
 * realm's published keys (fetched lazily and cached, so a service starts while Keycloak is down), then
 * {@link ClinicTokenValidators}. Unsigned ({@code alg: none}) and HMAC tokens are refused by the
 * algorithm pin before any claim is read. Spring's key fetch keeps Nimbus's short HTTP timeouts, so a hung
 * Keycloak fails requests with 401 within seconds; don't pass a RestTemplate without timeouts here.
 */
public final class ClinicJwtDecoders {

    private ClinicJwtDecoders() {
    }

    public static JwtDecoder fromJwkSet(ClinicSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(ClinicTokenValidators.of(properties.issuer(), properties.audience(), properties.clockSkew()));
        return decoder;
    }
}
