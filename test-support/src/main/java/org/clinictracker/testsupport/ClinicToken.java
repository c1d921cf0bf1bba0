package org.clinictracker.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A real, signed access token shaped like the ones Keycloak issues to the clinic's clients (roles in
 * {@code realm_access.roles}, name in {@code preferred_username}, audience {@code clinic-api}), sent as
 * {@code Authorization: Bearer ...}. By default it is valid for {@link TestTokenIssuer}; the other methods
 * spoil one thing at a time to prove the services refuse it. Minted when the request is built, so its
 * time window is always around now.
 */
public final class ClinicToken implements RequestPostProcessor {

    private final String username;
    private final List<String> roles;
    private String issuer;
    private List<String> audience = List.of(TestTokenIssuer.AUDIENCE);
    private Duration expiresIn = Duration.ofMinutes(5);
    private Duration validFrom;
    private boolean withExpiry = true;
    private RSAKey signingKey = TestTokenIssuer.signingKey();
    private String headerType = "JWT";
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();
    private final List<String> removedClaims = new ArrayList<>();

    ClinicToken(String username, String... roles) {
        this.username = username;
        this.roles = List.of(roles);
    }

    public ClinicToken issuedBy(String otherIssuer) {
        this.issuer = otherIssuer;
        return this;
    }

    /** The {@code aud} claim; none at all when empty. */
    public ClinicToken forAudience(String... audiences) {
        this.audience = List.of(audiences);
        return this;
    }

    /** Negative for a token that has already expired. */
    public ClinicToken expiringIn(Duration fromNow) {
        this.expiresIn = fromNow;
        return this;
    }

    public ClinicToken withoutExpiry() {
        this.withExpiry = false;
        return this;
    }

    /** Sets {@code nbf}: positive for a token not valid yet. */
    public ClinicToken validFrom(Duration fromNow) {
        this.validFrom = fromNow;
        return this;
    }

    public ClinicToken signedByAnotherKey() {
        this.signingKey = TestTokenIssuer.impostorKey();
        return this;
    }

    /** The JOSE header's {@code typ}: JWT for Keycloak's access tokens; e.g. {@code logout+jwt} for a logout token. */
    public ClinicToken ofType(String type) {
        this.headerType = type;
        return this;
    }

    public ClinicToken withClaim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    public ClinicToken withoutClaim(String name) {
        removedClaims.add(name);
        return this;
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        request.addHeader("Authorization", "Bearer " + signed());
        return request;
    }

    /** The compact token, signed RS256 with the chosen key. */
    public String signed() {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(headerType == null ? null : new JOSEObjectType(headerType)).build();
            SignedJWT jwt = new SignedJWT(header, claims());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code alg: none} and no signature, the oldest trick against JWT libraries. */
    public String unsigned() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** HS256 with the issuer's public key as the shared secret: the algorithm-confusion attack. */
    public String macSignedWithThePublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims());
            jwt.sign(new MACSigner(signingKey.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claims() {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer == null ? TestTokenIssuer.issuer() : issuer)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .issueTime(Date.from(now))
                .claim("typ", "Bearer")
                .claim("azp", "clinic-cli")
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles))
                .claim("scope", "openid profile email");
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        if (withExpiry) {
            claims.expirationTime(Date.from(now.plus(expiresIn)));
        }
        if (validFrom != null) {
            claims.notBeforeTime(Date.from(now.plus(validFrom)));
        }
        extraClaims.forEach(claims::claim);
        removedClaims.forEach(name -> claims.claim(name, null));
        return claims.build();
    }
}
