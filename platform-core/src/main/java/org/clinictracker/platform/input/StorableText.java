package org.clinictracker.platform.input;

import java.util.Optional;

/**
 * What text a chart may hold. PostgreSQL cannot store NUL in text or jsonb, and the JDBC driver
 * turns a broken surrogate pair into '?' (a silent change); control characters and Unicode
 * non-characters have no place in a name or a note and can hide or reorder what a reader sees, as can
 * the bidirectional embedding, override and isolate controls (a "Trojan Source" name or note reads
 * otherwise than it is stored); the plain direction marks U+200E and U+200F stay allowed.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or empty when it can; line breaks and tabs only when {@code multiline}. */
    public static Optional<String> problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (isNonCharacter(codePoint)) {
                    return Optional.of("contains the Unicode non-character " + hex(codePoint));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a broken character (unpaired surrogate " + hex(c) + ")");
            } else if (c == '\u0000') {
                return Optional.of("contains a NUL character (U+0000)");
            } else if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
                if (!multiline) {
                    return Optional.of("must be a single line (contains " + hex(c) + ")");
                }
            } else if (isBidiControl(c)) {
                return Optional.of("contains the bidirectional control character " + hex(c));
            } else if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("contains the control character " + hex(c));
            } else if (isNonCharacter(c)) {
                return Optional.of("contains the Unicode non-character " + hex(c));
            }
        }
        return Optional.empty();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
