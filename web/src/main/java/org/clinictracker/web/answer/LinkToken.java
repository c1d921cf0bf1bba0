package org.clinictracker.web.answer;

import java.util.regex.Pattern;

/**
 * The shape of a patient link's token (32 random bytes, base64url without padding): anything else is no link the
 * clinic issued, so the page says so without asking followup-service (a guess costs the guesser, not the service).
 */
final class LinkToken {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkToken() {
    }

    static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
