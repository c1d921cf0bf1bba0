package org.clinictracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "\t\n\r", "\u00A0\u00A0", "\u3000", "\u2002\u2003\u2009\u200A", "\u202F",
            "\u205F", "\u1680", "\u2028\u2029", "\u0085", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
            "\u180E", "\u2062\u2063\u2064", "\u034F", "\u0301", "\u0301\u0301", "\u20DD", "\u0488", "\uFE0F",
            "\u2800", "\u115F", "\u1160", "\u3164", "\uFFA0", "\u200E\u200F", "\uE000", "\u0378",
            "\uDB40\uDC20\uDB40\uDC7F", // tag characters
            " \u200B\u00A0\u0301\u2800\u3164 ", "\u0000", "\u001B" })
    void text_that_shows_nothing_is_blank(String text) {
        assertThat(VisibleText.isBlank(text)).isTrue();
        assertThat(VisibleText.hasText(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "Z", "ǅ", "ʰ", "李", "ß", "7", "Ⅻ", "½", "٣", "_", "-", ")", "(", "«", "»", ".", "?",
            "+", "$", "€", "^", "©", "😀", "\uD835\uDC00", // mathematical bold A, a letter beyond the BMP
            "e\u0301", "\u0301e", "\u200Bpatient moved\u200B", "\u00A0x\u00A0", "\u3000。", "⠁", "ㄱ", "ᄀ",
            "declined: pain resolved" })
    void text_with_a_letter_digit_punctuation_mark_or_symbol_is_visible(String text) {
        assertThat(VisibleText.isBlank(text)).isFalse();
        assertThat(VisibleText.hasText(text)).isTrue();
    }

    @Test
    void null_is_blank() {
        assertThat(VisibleText.isBlank(null)).isTrue();
        assertThat(VisibleText.hasText(null)).isFalse();
    }

    @Test
    void agrees_with_string_is_blank_wherever_java_calls_text_blank() {
        // Everything String.isBlank() calls blank is blank here too: the rule only gets stricter.
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> Character.isWhitespace(codePoint))
                .forEach(codePoint -> assertThat(VisibleText.isBlank(Character.toString(codePoint)))
                        .as("U+%04X", codePoint).isTrue());
    }

    @Test
    void every_format_character_and_every_mark_alone_is_blank() {
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> switch (Character.getType(codePoint)) {
                    case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                            Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                    default -> false;
                })
                .forEach(codePoint -> assertThat(VisibleText.isBlank(Character.toString(codePoint)))
                        .as("U+%04X", codePoint).isTrue());
    }

    @Test
    void accepts_any_char_sequence() {
        assertThat(VisibleText.isBlank(new StringBuilder("\u200B"))).isTrue();
        assertThat(VisibleText.isBlank(new StringBuilder("ok"))).isFalse();
    }
}
