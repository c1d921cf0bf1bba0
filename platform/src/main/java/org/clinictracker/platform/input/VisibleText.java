package org.clinictracker.platform.input;

/**
 * When required text says something. A documented reason (why a visit moved, why a repeat was dismissed, why a
 * record was amended) is a patient-safety record, so text counts as written only when a reader can see at least one
 * letter, digit, punctuation mark or symbol. Whitespace of any kind (NBSP, U+3000), format characters (zero-width
 * space and joiner, BOM, soft hyphen), combining marks with nothing to sit on, and characters that exist to look
 * empty (Braille blank, Hangul fillers) are not writing. {@link String#isBlank()} knows only part of that.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** True when {@code text} is null or shows nothing a reader could read. */
    public static boolean isBlank(CharSequence text) {
        return text == null || text.codePoints().noneMatch(VisibleText::isVisible);
    }

    /** Whether {@code text} holds something a reader can see; the opposite of {@link #isBlank}. */
    public static boolean hasText(CharSequence text) {
        return !isBlank(text);
    }

    private static boolean isVisible(int codePoint) {
        if (looksEmpty(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
                true;
            // whitespace (Zs/Zl/Zp), controls, format characters, marks, private use, unassigned, surrogates
            default -> false;
        };
    }

    /** Letters and symbols by category that Unicode draws as nothing (default-ignorable fillers, Braille blank). */
    private static boolean looksEmpty(int codePoint) {
        return codePoint == 0x115F || codePoint == 0x1160 // Hangul choseong and jungseong fillers
                || codePoint == 0x3164 || codePoint == 0xFFA0 // Hangul filler, halfwidth Hangul filler
                || codePoint == 0x2800; // Braille pattern blank
    }
}
