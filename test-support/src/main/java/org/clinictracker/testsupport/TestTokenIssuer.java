package org.clinictracker.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the clinic's Keycloak realm in tests: one RSA key pair per test JVM whose public half is
 * published as a JWK set on an ephemeral local port, so the services decode test tokens with their
 * production decoder and validators (fetching keys over HTTP as they do from Keycloak). Also holds a
 * second key under the same key id, for tokens whose signature must not verify.
 */
public final class TestTokenIssuer {

    public static final String AUDIENCE = "clinic-api";
    static final String KEY_ID = "clinic-test-key";

    private static final RSAKey SIGNING_KEY = newKey();
    private static final RSAKey IMPOSTOR_KEY = newKey();
    private static final HttpServer JWKS_SERVER = publish(new JWKSet(SIGNING_KEY.toPublicJWK()));

    private TestTokenIssuer() {
    }

    public static String issuer() {
        return "http://127.0.0.1:" + JWKS_SERVER.getAddress().getPort() + "/realms/clinic";
    }

    public static String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    static RSAKey signingKey() {
        return SIGNING_KEY;
    }

    /** Same key id as the real key, different key: a token it signs looks right and must still be refused. */
    static RSAKey impostorKey() {
        return IMPOSTOR_KEY;
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the test signing key", e);
        }
    }

    private static HttpServer publish(JWKSet keys) {
        byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/realms/clinic/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the test JWK set", e);
        }
    }
}
