package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names compared the way a front-desk clerk compares them: case, accents, punctuation and spacing do not matter. */
class NameNormalizerTest {

    @Nested
    class Normalize {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Smith,   smith",
                "SMITH,   smith",
                "smith,   smith",
                "sMiTh,   smith",
                "McDonald, mcdonald",
        })
        void case_does_not_matter(String typed, String expected) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "José,      jose",
                "JOSÉ,      jose",
                "Núñez,     nunez",
                "Müller,    muller",
                "François,  francois",
                "Åsa,       asa",
                "Ångström,  angstrom",
                "Zoë,       zoe",
                "Dvořák,    dvorak",
                "Błażej,    blazej",
                "İlkay,     ilkay",
                "Nguyễn,    nguyen",
        })
        void accents_are_dropped(String typed, String expected) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo(expected);
        }

        @Test
        void a_name_typed_with_combining_accents_matches_the_same_name_typed_precomposed() {
            String precomposed = "Jos\u00e9 N\u00fa\u00f1ez";
            String combining = "Jose\u0301 Nu\u0301n\u0303ez";

            assertThat(NameNormalizer.normalize(combining))
                    .isEqualTo(NameNormalizer.normalize(precomposed))
                    .isEqualTo("jose nunez");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Strauß,     strauss",
                "Æsir,       aesir",
                "Bræk,       braek",
                "Søren,      soren",
                "ØSTERGAARD, ostergaard",
                "Łukasz,     lukasz",
                "Wałęsa,     walesa",
                "Œuvray,     oeuvray",
                "Cœur,       coeur",
                "Đorđević,   dordevic",
                "Þór,        thor",
                "Yıldız,     yildiz",
        })
        void letters_without_a_unicode_decomposition_are_folded_to_plain_letters(String typed, String expected) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo(expected);
        }

        @Test
        void a_capital_sharp_s_folds_like_a_small_sharp_s() {
            // An all-caps STRAUẞ (U+1E9E, official German capital since 2017) must match Strauß and Strauss.
            assertThat(NameNormalizer.normalize("STRAU\u1E9E")).isEqualTo("strauss");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"O'Brien", "O\u2019Brien", "O\u02bcBrien", "O`Brien", "OBrien", "o'brien"})
        void apostrophes_join_the_parts_of_a_name(String typed) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo("obrien");
        }

        @Test
        void apostrophes_and_accents_together() {
            assertThat(NameNormalizer.normalize("D'Ávila")).isEqualTo("davila");
            assertThat(NameNormalizer.normalize("José O'Brien-Núñez")).isEqualTo("jose obrien nunez");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
                "Smith-Jones",
                "Smith Jones",
                "  Smith   Jones  ",
                "Smith - Jones",
                "Smith\tJones",
                "Smith\u00a0Jones",
                "Smith\u2013Jones",
                "Smith.Jones",
                "Smith, Jones",
                "(Smith) Jones",
        })
        void hyphens_punctuation_and_extra_spaces_become_single_spaces(String typed) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo("smith jones");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n", "-", "' - '", "..."})
        void nothing_to_compare_normalises_to_an_empty_string(String typed) {
            assertThat(NameNormalizer.normalize(typed)).isEmpty();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Αλέξανδρος, αλεξανδρος",
                "ΕΛΕΝΗ,      ελενη",
                "Иван,       иван",
                "ПЕТРОВ,     петров",
                "Наталья,    наталья",
                "山田,        山田",
                "محمد,       محمد",
        })
        void letters_of_other_scripts_are_kept_and_lower_cased(String typed, String expected) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo(expected);
        }

        @Test
        void a_greek_name_typed_in_capitals_matches_the_same_name_in_lower_case() {
            assertThat(NameNormalizer.normalize("ΣΩΚΡΑΤΗΣ")).isEqualTo(NameNormalizer.normalize("Σωκράτης"));
        }

        @Test
        void digits_are_kept_as_part_of_a_name() {
            assertThat(NameNormalizer.normalize("Henry 3rd")).isEqualTo("henry 3rd");
        }

        @Test
        void compatibility_forms_such_as_full_width_letters_and_ligatures_are_unfolded() {
            assertThat(NameNormalizer.normalize("\uFF33\uFF4D\uFF49\uFF54\uFF48")).isEqualTo("smith");
            assertThat(NameNormalizer.normalize("\uFB01nn")).isEqualTo("finn");
        }

        @ParameterizedTest
        @ValueSource(strings = { "Wal\u200Bker", "Wal\u200Cker", "Wal\u200Dker", "\uFEFFWalker", "Wal\u180Eker",
                "Wal\u2060ker", "Wal\u00ADker", "Walker\u200E", "Wal\u034Fker" })
        void invisible_characters_inside_a_name_do_not_make_it_another_name(String typed) {
            assertThat(NameNormalizer.normalize(typed)).isEqualTo("walker");
            assertThat(NameNormalizer.duplicateKey("Zoe", typed)).isEqualTo(NameNormalizer.duplicateKey("Zoe", "Walker"));
        }

        @Test
        void normalising_twice_changes_nothing_more() {
            String once = NameNormalizer.normalize("  José   O'Brien-Núñez Strauß Ødegård ");

            assertThat(NameNormalizer.normalize(once)).isEqualTo(once);
            assertThat(once).isEqualTo("jose obrien nunez strauss odegard");
        }
    }

    @Nested
    class DuplicateKey {

        @Test
        void the_key_is_the_normalised_words_in_alphabetical_order() {
            assertThat(NameNormalizer.duplicateKey("José", "O'Brien-Núñez")).isEqualTo("jose nunez obrien");
        }

        @Test
        void swapped_given_and_family_names_give_the_same_key() {
            assertThat(NameNormalizer.duplicateKey("Smith", "Anna"))
                    .isEqualTo(NameNormalizer.duplicateKey("Anna", "Smith"))
                    .isEqualTo("anna smith");
        }

        @Test
        void the_same_person_typed_differently_gives_the_same_key() {
            String registered = NameNormalizer.duplicateKey("María José", "García-López");

            assertThat(NameNormalizer.duplicateKey("MARIA JOSE", "GARCIA LOPEZ")).isEqualTo(registered);
            assertThat(NameNormalizer.duplicateKey("Garcia Lopez", "Maria-Jose")).isEqualTo(registered);
            assertThat(NameNormalizer.duplicateKey("  maría   josé ", " garcía  lópez ")).isEqualTo(registered);
            assertThat(NameNormalizer.duplicateKey("López", "María José García")).isEqualTo(registered);
        }

        @Test
        void an_apostrophe_typed_two_ways_gives_the_same_key() {
            assertThat(NameNormalizer.duplicateKey("Siobhan", "O\u2019Brien"))
                    .isEqualTo(NameNormalizer.duplicateKey("Siobhan", "O'Brien"));
        }

        @Test
        void different_people_get_different_keys() {
            assertThat(NameNormalizer.duplicateKey("Anna", "Smith"))
                    .isNotEqualTo(NameNormalizer.duplicateKey("Anne", "Smith"));
            assertThat(NameNormalizer.duplicateKey("Anna", "Smith"))
                    .isNotEqualTo(NameNormalizer.duplicateKey("Anna", "Smith Jones"));
        }

        @Test
        void a_missing_or_blank_part_leaves_only_the_other_part() {
            assertThat(NameNormalizer.duplicateKey(null, "Smith")).isEqualTo("smith");
            assertThat(NameNormalizer.duplicateKey("Anna", null)).isEqualTo("anna");
            assertThat(NameNormalizer.duplicateKey("   ", "Smith")).isEqualTo("smith");
            assertThat(NameNormalizer.duplicateKey("Anna", "")).isEqualTo("anna");
        }

        @Test
        void no_name_at_all_gives_an_empty_key() {
            assertThat(NameNormalizer.duplicateKey(null, null)).isEmpty();
            assertThat(NameNormalizer.duplicateKey(" ", "-")).isEmpty();
        }

        @Test
        void repeated_words_are_kept() {
            assertThat(NameNormalizer.duplicateKey("Anna", "Anna")).isEqualTo("anna anna");
        }
    }

    @Nested
    class Length {

        @Test
        void letters_spelled_out_make_a_name_longer() {
            assertThat(NameNormalizer.normalize("\uFB03".repeat(3))).isEqualTo("ffiffiffi");
            assertThat(NameNormalizer.normalize("\u00DF".repeat(3))).isEqualTo("ssssss");
            assertThat(NameNormalizer.normalize("\uFDFA")).hasSizeGreaterThan(10);
        }

        @Test
        void a_name_of_the_longest_allowed_length_in_doubled_letters_fits() {
            assertThat(NameNormalizer.fitsOnceNormalized("\u00DF".repeat(100))).isTrue();
            assertThat(NameNormalizer.fitsOnceNormalized("\u00C6".repeat(100))).isTrue();
            assertThat(NameNormalizer.fitsOnceNormalized("a".repeat(100))).isTrue();
        }

        @Test
        void a_name_that_grows_past_the_limit_once_spelled_out_does_not_fit() {
            assertThat(NameNormalizer.fitsOnceNormalized("\uFB03".repeat(66))).isTrue();
            assertThat(NameNormalizer.fitsOnceNormalized("\uFB03".repeat(67))).isFalse();
            assertThat(NameNormalizer.fitsOnceNormalized("\uFDFA".repeat(12))).isFalse();
        }

        @Test
        void two_names_that_fit_give_keys_that_fit_their_columns() {
            String longest = "\u00DF".repeat(100);

            assertThat(NameNormalizer.duplicateKey(longest, longest)).hasSizeLessThanOrEqualTo(410);
            assertThat(" " + NameNormalizer.normalize(longest + " " + longest)).hasSizeLessThanOrEqualTo(410);
        }
    }
}
