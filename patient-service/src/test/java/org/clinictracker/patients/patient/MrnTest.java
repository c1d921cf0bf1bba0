package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The medical record number the front desk reads over the phone: prefix, number, Luhn check digit. */
class MrnTest {

    @Nested
    class Issuing {

        @Test
        void the_first_patient_gets_number_one_padded_to_six_digits() {
            assertThat(Mrn.format("CT", 1)).isEqualTo("CT-000001-8");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "1,          CT-000001-8",
                "42,         CT-000042-2",
                "123456,     CT-123456-6",
                "999999,     CT-999999-6",
                "1000000,    CT-1000000-8",
                "7992739871, CT-7992739871-3",
        })
        void the_check_digit_is_the_luhn_check_digit_of_the_number(long sequence, String expected) {
            assertThat(Mrn.format("CT", sequence)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} + {1}")
        @CsvSource({
                // published Luhn examples: the Wikipedia example and the card networks' test numbers
                "7992739871,      3",
                "411111111111111, 1",
                "555555555555444, 4",
                "37828224631000,  5",
        })
        void the_check_digit_agrees_with_published_luhn_examples(String digits, int checkDigit) {
            assertThat(Mrn.luhnCheckDigit(digits)).isEqualTo(checkDigit);
        }

        @Test
        void numbers_past_999999_simply_get_more_digits() {
            assertThat(Mrn.format("CT", 1_000_000)).isEqualTo("CT-1000000-8");
            assertThat(Mrn.format("CT", 12_345_678)).startsWith("CT-12345678-");
        }

        @Test
        void every_issued_number_passes_an_independent_luhn_check() {
            for (long sequence = 1; sequence <= 2_000; sequence++) {
                String mrn = Mrn.format("CT", sequence);
                String numberAndCheck = mrn.substring(3).replace("-", "");
                assertThat(isLuhnValid(numberAndCheck)).as(mrn).isTrue();
            }
        }

        @Test
        void the_prefix_is_written_as_given() {
            assertThat(Mrn.format("ABCDE", 7)).startsWith("ABCDE-000007-");
            assertThat(Mrn.format("X", 7)).startsWith("X-000007-");
        }

        @ParameterizedTest(name = "sequence {0}")
        @ValueSource(longs = {0, -1, -42, Long.MIN_VALUE})
        void numbers_start_at_one(long sequence) {
            assertThatIllegalArgumentException().isThrownBy(() -> Mrn.format("CT", sequence))
                    .withMessageContaining(String.valueOf(sequence));
        }

        @ParameterizedTest(name = "prefix \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"ct", "CLINIC", "C1", "C-T", " CT"})
        void a_prefix_that_canonical_would_not_recognise_is_refused_instead_of_issuing_unfindable_mrns(String prefix) {
            // clinic.patients.mrn-prefix comes from the MRN_PREFIX environment variable; an MRN issued with a
            // prefix that canonical() rejects could never be found again by MRN search.
            assertThatIllegalArgumentException().isThrownBy(() -> Mrn.format(prefix, 1));
        }
    }

    @Nested
    class ReadingBack {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CT-000001-8", "CT-000042-2", "CT-1000000-8", "A-999999-6", "ABCDE-123456-6"})
        void a_well_formed_mrn_is_its_own_canonical_form(String mrn) {
            assertThat(Mrn.canonical(mrn)).isEqualTo(mrn);
        }

        @Test
        void every_issued_mrn_is_recognised_unchanged() {
            for (long sequence = 1; sequence <= 2_000; sequence++) {
                String mrn = Mrn.format("CT", sequence);
                assertThat(Mrn.canonical(mrn)).as(mrn).isEqualTo(mrn);
            }
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ct-000042-2", "Ct-000042-2", "  CT-000042-2", "CT-000042-2\t", "\n ct-000042-2 \n"})
        void lower_case_and_surrounding_whitespace_are_forgiven(String typed) {
            assertThat(Mrn.canonical(typed)).isEqualTo("CT-000042-2");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CT-000042-0", "CT-000042-1", "CT-000042-3", "CT-000042-8", "CT-000042-9"})
        void a_wrong_check_digit_is_refused(String mrn) {
            assertThat(Mrn.canonical(mrn)).isNull();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
                "",
                "   ",
                "CT000042-2",        // missing hyphen
                "CT-0000422",        // missing hyphen before the check digit
                "CT-00042-3",        // fewer than six digits
                "CT-42-2",
                "-000042-2",         // no prefix
                "ABCDEF-000042-2",   // prefix too long
                "C1-000042-2",       // digit in the prefix
                "CT-000042-",        // no check digit
                "CT-000042-22",      // two check digits
                "CT-00004A-2",       // letter in the number
                "CT 000042 2",       // spaces instead of hyphens
                "CT-000042-2-",
                "CT--000042-2",
                "000042",
                "CT-０００042-2",    // full-width digits
        })
        void a_candidate_of_the_wrong_shape_is_refused(String candidate) {
            assertThat(Mrn.canonical(candidate)).isNull();
        }

        @Test
        void nothing_typed_is_not_an_mrn() {
            assertThat(Mrn.canonical(null)).isNull();
        }
    }

    @Nested
    class Typos {

        private static final List<String> SAMPLE_MRNS = List.of(
                Mrn.format("CT", 1), Mrn.format("CT", 42), Mrn.format("CT", 123_456), Mrn.format("CT", 987_654),
                Mrn.format("CT", 1_000_000), Mrn.format("CT", 7_992_739_871L));

        @Test
        void every_single_digit_typo_is_caught() {
            for (String mrn : SAMPLE_MRNS) {
                List<String> typos = singleDigitTypos(mrn);
                assertThat(typos).as("typos of %s", mrn).isNotEmpty();
                for (String typo : typos) {
                    assertThat(Mrn.canonical(typo)).as("%s mistyped as %s", mrn, typo).isNull();
                }
            }
        }

        @Test
        void every_single_digit_typo_is_caught_for_a_long_run_of_numbers() {
            int checked = 0;
            for (long sequence = 1; sequence <= 500; sequence++) {
                for (String typo : singleDigitTypos(Mrn.format("CT", sequence))) {
                    assertThat(Mrn.canonical(typo)).as(typo).isNull();
                    checked++;
                }
            }
            // 500 numbers x 7 digit positions x 9 wrong digits each
            assertThat(checked).isEqualTo(500 * 7 * 9);
        }

        @Test
        void swapping_two_different_neighbouring_digits_is_caught_unless_they_are_0_and_9() {
            int checked = 0;
            for (String mrn : SAMPLE_MRNS) {
                for (String swap : luhnDetectableNeighbourSwaps(mrn)) {
                    assertThat(Mrn.canonical(swap)).as("%s read back as %s", mrn, swap).isNull();
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(20);
        }

        @Test
        void swapping_neighbours_is_caught_for_every_neighbour_pair_of_digits() {
            // every pair of different digits a != b, {a, b} != {0, 9}, as neighbours in the number
            for (int a = 0; a <= 9; a++) {
                for (int b = 0; b <= 9; b++) {
                    if (a == b || a + b == 9 && a * b == 0) {
                        continue;
                    }
                    for (int position = 0; position < 5; position++) {
                        StringBuilder digits = new StringBuilder("314159");
                        digits.setCharAt(position, (char) ('0' + a));
                        digits.setCharAt(position + 1, (char) ('0' + b));
                        String mrn = Mrn.format("CT", Long.parseLong(digits.toString()));
                        String swapped = swapDigitsOfNumber(mrn, position);
                        assertThat(Mrn.canonical(swapped)).as("%s read back as %s", mrn, swapped).isNull();
                    }
                }
            }
        }

        @Test
        void swapping_a_0_and_a_9_is_the_one_neighbour_swap_luhn_cannot_see() {
            // A known limit of the Luhn scheme: both MRNs are valid, so canonical() cannot tell them apart.
            assertThat(Mrn.format("CT", 9)).isEqualTo("CT-000009-1");
            assertThat(Mrn.format("CT", 90)).isEqualTo("CT-000090-1");
            assertThat(Mrn.canonical("CT-000090-1")).isEqualTo("CT-000090-1");
        }

        private static List<String> singleDigitTypos(String mrn) {
            List<String> typos = new ArrayList<>();
            int firstDigit = mrn.indexOf('-') + 1;
            for (int i = firstDigit; i < mrn.length(); i++) {
                char original = mrn.charAt(i);
                if (!Character.isDigit(original)) {
                    continue;
                }
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit != original) {
                        StringBuilder typo = new StringBuilder(mrn);
                        typo.setCharAt(i, digit);
                        typos.add(typo.toString());
                    }
                }
            }
            return typos;
        }

        private static List<String> luhnDetectableNeighbourSwaps(String mrn) {
            String number = numberOf(mrn);
            List<String> swaps = new ArrayList<>();
            for (int i = 0; i + 1 < number.length(); i++) {
                char left = number.charAt(i);
                char right = number.charAt(i + 1);
                boolean zeroAndNine = left == '0' && right == '9' || left == '9' && right == '0';
                if (left != right && !zeroAndNine) {
                    swaps.add(swapDigitsOfNumber(mrn, i));
                }
            }
            return swaps;
        }

        private static String numberOf(String mrn) {
            return mrn.substring(mrn.indexOf('-') + 1, mrn.lastIndexOf('-'));
        }

        private static String swapDigitsOfNumber(String mrn, int position) {
            int offset = mrn.indexOf('-') + 1;
            StringBuilder swapped = new StringBuilder(mrn);
            swapped.setCharAt(offset + position, mrn.charAt(offset + position + 1));
            swapped.setCharAt(offset + position + 1, mrn.charAt(offset + position));
            return swapped.toString();
        }
    }

    /** Luhn validation written independently of {@link Mrn}: the whole number including its check digit sums to 0 mod 10. */
    private static boolean isLuhnValid(String digitsWithCheck) {
        int sum = 0;
        for (int i = 0; i < digitsWithCheck.length(); i++) {
            int digit = digitsWithCheck.charAt(digitsWithCheck.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
