package org.clinictracker.followups.patientlink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The secret in a patient's link: 32 random bytes (256 bits, unguessable), base64url without padding so it fits a
 * query string untouched. Only its SHA-256 is stored: a copy of the database opens no patient's page.
 */
@Component
public class LinkTokens {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    /** A new token, handed to the patient, and its hash, stored. */
    public record IssuedToken(String token, String hash) {

        @Override
        public String toString() {
            return "IssuedToken[hash=" + hash + "]"; // the token itself never reaches a log
        }
    }

    public IssuedToken issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = encoder.encodeToString(bytes);
        return new IssuedToken(token, hash(token));
    }

    /** SHA-256 of the token's text, lowercase hex: what {@code patient_link.token_hash} holds. */
    public String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Could be a token we issued (43 base64url characters); anything else is refused before the database. */
    public boolean wellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
