package org.clinictracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "Maria", "José O'Brien-Núñez", "Ærøskøbing", "ﬃ ligature", "Straße", "李小龍",
            "محمد", "emoji 😀 pair", "e\u0301 combining", "zero\u200Dwidth joiner", "mark \u200F after RTL", "" })
    void names_people_really_have_are_storable(String text) {
        assertThat(StorableText.problem(text, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000here", "bell\u0007", "escape\u001B[31m", "delete\u007F", "c1\u0085",
            "lone high \uD800", "lone low \uDC00 first", "reversed \uDC00\uD800", "end high\uD83D",
            "non-character \uFFFF", "non-character \uFDD0", "plane 1 non-character \uD83F\uDFFE",
            "\u202Eevil", "embedding \u202A", "pop \u202C", "isolate \u2066x\u2069", "first strong \u2068" })
    void text_postgres_cannot_store_or_that_hides_characters_is_refused_even_in_notes(String text) {
        assertThat(StorableText.problem(text, false)).isPresent();
        assertThat(StorableText.problem(text, true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "two\nlines", "windows\r\nline", "tab\there", "line\u2028separator", "para\u2029graph" })
    void line_breaks_and_tabs_only_belong_in_notes(String text) {
        assertThat(StorableText.problem(text, false)).get().asString().contains("single line");
        assertThat(StorableText.problem(text, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000here" })
    void the_reason_names_the_character_but_not_the_text(String text) {
        assertThat(StorableText.problem(text, false)).get().asString()
                .contains("U+0000").doesNotContain("here");
    }
}
