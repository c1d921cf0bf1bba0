package org.clinictracker.platform.versioning;

import java.util.regex.Pattern;

import org.clinictracker.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: a record's version travels as a strong {@code ETag} ({@code "3"}) and
 * comes back in {@code If-Match}, so a write made on a stale copy is refused instead of overwriting.
 */
public final class VersionTag {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,9})\"?$");

    private VersionTag() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 if it is missing, 400 if it is not one of our tags. */
    public static int fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.ifMatchRequired();
        }
        var matcher = TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ProblemException.invalidField("If-Match", "must be the ETag of the version you read, e.g. \"3\"");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
