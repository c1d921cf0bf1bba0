package org.clinictracker.patients.patient;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes names comparable the way a front-desk clerk compares them: case, accents, punctuation and
 * spacing do not matter ("José O'Brien-Núñez" finds "jose obrien nunez"), nor do invisible characters
 * ("Wal\u200bker" is "walker", so it cannot slip past the duplicate check).
 */
public final class NameNormalizer {

    /**
     * The longest normalised form of one name that the search and duplicate-key columns hold
     * (V2026112530_1: twice the 100 characters a name may have, as "ß" becomes "ss"). Compatibility
     * decomposition can make a name far longer ("ﬃ" becomes "ffi", "ﷺ" eighteen letters), so a
     * name beyond this is refused rather than stored cut.
     */
    public static final int MAX_NORMALIZED_LENGTH = 200;

    /** Accents once decomposed, and invisible format characters (zero-width space and joiners, BOM...). */
    private static final Pattern MARKS_AND_INVISIBLES = Pattern.compile("[\\p{M}\\p{Cf}]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u00b4\u2018\u2019\u02bb\u02bc]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private NameNormalizer() {
    }

    /** Lower-case words without accents, separated by single spaces; apostrophes join ("O'Brien" is "obrien"). */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(foldLettersWithoutDecomposition(name), Normalizer.Form.NFKD);
        String unaccented = MARKS_AND_INVISIBLES.matcher(decomposed).replaceAll("");
        String joined = APOSTROPHES.matcher(unaccented).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(joined.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Whether {@code name} still fits its columns once normalised (see {@link #MAX_NORMALIZED_LENGTH}). */
    public static boolean fitsOnceNormalized(String name) {
        return normalize(name).length() <= MAX_NORMALIZED_LENGTH;
    }

    /**
     * The key two charts of one person share: the words of given and family name in alphabetical order,
     * so a swapped given/family name still matches.
     */
    public static String duplicateKey(String givenName, String familyName) {
        String words = (normalize(givenName) + " " + normalize(familyName)).trim();
        return Arrays.stream(words.split(" ")).filter(word -> !word.isEmpty()).sorted()
                .collect(Collectors.joining(" "));
    }

    /** Letters Unicode does not decompose into a base letter plus accent. */
    private static String foldLettersWithoutDecomposition(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case 'ß', 'ẞ' -> folded.append("ss");
                case 'Æ', 'æ' -> folded.append("ae");
                case 'Œ', 'œ' -> folded.append("oe");
                case 'Ø', 'ø' -> folded.append('o');
                case 'Ł', 'ł' -> folded.append('l');
                case 'Đ', 'đ' -> folded.append('d');
                case 'Þ', 'þ' -> folded.append("th");
                case 'ı' -> folded.append('i');
                default -> folded.append(c);
            }
        }
        return folded.toString();
    }
}
