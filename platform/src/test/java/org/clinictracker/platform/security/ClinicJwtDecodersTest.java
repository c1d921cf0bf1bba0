package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.security.oauth2.jwt.JwtException;

class ClinicJwtDecodersTest {

    @Test
    @Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD) // without read timeouts the decode never returns
    void a_key_server_that_never_answers_fails_the_token_within_seconds() throws Exception {
        // Accepts connections and never says a word: a hung Keycloak.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.currentThread().join();
                } catch (Exception e) {
                    // interrupted at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String issuer = "http://127.0.0.1:" + silent.getLocalPort() + "/realms/clinic";
            var decoder = ClinicJwtDecoders.fromJwkSet(
                    new ClinicSecurityProperties(issuer, issuer + "/protocol/openid-connect/certs", "clinic-api",
                            Duration.ofSeconds(30)));

            Instant start = Instant.now();
            assertThatThrownBy(() -> decoder.decode(signedToken(issuer))).isInstanceOf(JwtException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            acceptor.interrupt();
        }
    }

    private static String signedToken(String issuer) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience("clinic-api").subject("u1")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
