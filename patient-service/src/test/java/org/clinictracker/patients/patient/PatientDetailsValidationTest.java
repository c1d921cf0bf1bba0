package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Laterality;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.clinictracker.vocabulary.IndicationEntry;

/**
 * What bean validation refuses at the front desk before any rule of the registry runs. Each test
 * names the offending field by the path a client sees (e.g. {@code address.postalCode}).
 */
class PatientDetailsValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    // ----------------------------------------------------------------------------------- baselines

    @Test
    void a_complete_intake_is_valid() {
        assertThat(violationsOf(aCompleteIntake().build())).isEmpty();
    }

    @Test
    void names_birth_date_and_sex_are_enough_to_register() {
        assertThat(violationsOf(aMinimalRegistration().build())).isEmpty();
    }

    @Test
    void an_empty_form_names_exactly_the_four_required_fields() {
        PatientDetails empty = new PatientDetails(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);

        assertThat(pathsOf(empty)).containsExactlyInAnyOrder("givenName", "familyName", "birthDate", "sex");
    }

    // ------------------------------------------------------------------------------ required fields

    @Nested
    class RequiredFields {

        @ParameterizedTest(name = "given name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t"})
        void a_missing_or_blank_given_name_is_refused(String givenName) {
            assertThat(pathsOf(aMinimalRegistration().givenName(givenName).build())).containsExactly("givenName");
        }

        @ParameterizedTest(name = "family name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t"})
        void a_missing_or_blank_family_name_is_refused(String familyName) {
            assertThat(pathsOf(aMinimalRegistration().familyName(familyName).build())).containsExactly("familyName");
        }

        @Test
        void a_missing_birth_date_is_refused() {
            assertThat(pathsOf(aMinimalRegistration().birthDate(null).build())).containsExactly("birthDate");
        }

        @Test
        void a_missing_sex_is_refused() {
            assertThat(pathsOf(aMinimalRegistration().sex(null).build())).containsExactly("sex");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"FEMALE", "MALE", "OTHER", "UNKNOWN"})
        void every_recorded_sex_including_unknown_is_accepted(Sex sex) {
            assertThat(violationsOf(aMinimalRegistration().sex(sex).build())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------ size limits

    @Nested
    class SizeLimits {

        @ParameterizedTest(name = "{0} of {1} characters")
        @CsvSource({
                "givenName,          100",
                "familyName,         100",
                "referringClinician, 200",
                "painLocation,       200",
        })
        void a_text_field_may_be_exactly_as_long_as_its_limit_but_not_longer(String field, int max) {
            Function<String, PatientDetails> withText = text -> switch (field) {
                case "givenName" -> aCompleteIntake().givenName(text).build();
                case "familyName" -> aCompleteIntake().familyName(text).build();
                case "referringClinician" -> aCompleteIntake().referringClinician(text).build();
                case "painLocation" -> aCompleteIntake().painLocation(text).build();
                default -> throw new IllegalArgumentException(field);
            };

            assertThat(pathsOf(withText.apply("x".repeat(max)))).isEmpty();
            assertThat(pathsOf(withText.apply("x".repeat(max + 1)))).containsExactly(field);
        }

        @Test
        void a_given_name_of_100_characters_is_accepted_and_101_refused() {
            assertThat(pathsOf(aMinimalRegistration().givenName("a".repeat(100)).build())).isEmpty();
            assertThat(pathsOf(aMinimalRegistration().givenName("a".repeat(101)).build())).containsExactly("givenName");
        }

        @Test
        void the_limit_counts_characters_not_bytes() {
            assertThat(pathsOf(aMinimalRegistration().familyName("é".repeat(100)).build())).isEmpty();
        }

        @Test
        void up_to_twenty_current_therapies_are_accepted() {
            List<Therapy> twenty = Collections.nCopies(20, Therapy.EXERCISE);
            List<Therapy> twentyOne = Collections.nCopies(21, Therapy.EXERCISE);

            assertThat(pathsOf(aCompleteIntake().currentTherapies(twenty).build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().currentTherapies(twentyOne).build())).containsExactly("currentTherapies");
        }

        @Test
        void up_to_twenty_charts_may_be_confirmed_as_someone_else() {
            List<UUID> twenty = randomIds(20);
            List<UUID> twentyOne = randomIds(21);

            assertThat(pathsOf(aCompleteIntake().notDuplicateOf(twenty).build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().notDuplicateOf(twentyOne).build())).containsExactly("notDuplicateOf");
        }
    }

    // ------------------------------------------------------------------------------ clinical numbers

    @Nested
    class ClinicalNumbers {

        @ParameterizedTest(name = "baseline pain {0}")
        @ValueSource(ints = {0, 1, 5, 9, 10})
        void a_baseline_pain_score_from_0_to_10_is_accepted(int score) {
            assertThat(pathsOf(aCompleteIntake().baselinePainScore(score).build())).isEmpty();
        }

        @ParameterizedTest(name = "baseline pain {0}")
        @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void a_baseline_pain_score_outside_0_to_10_is_refused(int score) {
            assertThat(pathsOf(aCompleteIntake().baselinePainScore(score).build())).containsExactly("baselinePainScore");
        }

        @ParameterizedTest(name = "pain for {0} months")
        @ValueSource(ints = {0, 3, 1200})
        void a_pain_duration_from_0_to_1200_months_is_accepted(int months) {
            assertThat(pathsOf(aCompleteIntake().painDurationMonths(months).build())).isEmpty();
        }

        @ParameterizedTest(name = "pain for {0} months")
        @ValueSource(ints = {-1, 1201})
        void a_negative_or_implausibly_long_pain_duration_is_refused(int months) {
            assertThat(pathsOf(aCompleteIntake().painDurationMonths(months).build())).containsExactly("painDurationMonths");
        }

        @ParameterizedTest(name = "{0} MME/day")
        @ValueSource(strings = {"0", "0.0", "0.5", "90", "10000", "10000.00"})
        void an_opioid_dose_from_0_to_10000_mme_per_day_is_accepted(String mme) {
            assertThat(pathsOf(aCompleteIntake().opioidMmePerDay(new BigDecimal(mme)).build())).isEmpty();
        }

        @ParameterizedTest(name = "{0} MME/day")
        @ValueSource(strings = {"-0.01", "-1", "-90", "10000.01", "10001"})
        void a_negative_or_implausibly_high_opioid_dose_is_refused(String mme) {
            assertThat(pathsOf(aCompleteIntake().opioidMmePerDay(new BigDecimal(mme)).build())).containsExactly("opioidMmePerDay");
        }

        @Test
        void the_clinical_numbers_may_be_left_for_later() {
            assertThat(pathsOf(aCompleteIntake().baselinePainScore(null).painDurationMonths(null).opioidMmePerDay(null)
                    .build())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------ birth date

    @Nested
    class BirthDate {

        private static final ZoneId CLINIC_ZONE = ZoneOffset.UTC;
        private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

        /** A validator whose "now" is fixed, so a run across midnight cannot turn tomorrow into today. */
        private static Set<String> pathsOnFixedDay(PatientDetails details) {
            Clock fixed = Clock.fixed(Instant.parse("2025-03-14T12:00:00Z"), CLINIC_ZONE);
            try (ValidatorFactory fixedDay = Validation.byDefaultProvider().configure().clockProvider(() -> fixed)
                    .buildValidatorFactory()) {
                return fixedDay.getValidator().validate(details).stream()
                        .map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
            }
        }

        @Test
        void a_baby_born_today_can_be_registered() {
            assertThat(pathsOnFixedDay(aMinimalRegistration().birthDate(TODAY).build())).isEmpty();
        }

        @Test
        void a_birth_date_tomorrow_is_refused() {
            assertThat(pathsOnFixedDay(aMinimalRegistration().birthDate(TODAY.plusDays(1)).build()))
                    .containsExactly("birthDate");
        }

        @Test
        void a_birth_date_years_ahead_is_refused() {
            assertThat(pathsOnFixedDay(aMinimalRegistration().birthDate(TODAY.plusYears(30)).build()))
                    .containsExactly("birthDate");
        }

        @Test
        void a_birth_date_in_the_future_is_refused_by_the_default_validator_too() {
            assertThat(pathsOf(aMinimalRegistration().birthDate(LocalDate.now().plusYears(1)).build()))
                    .containsExactly("birthDate");
        }

        @Test
        void a_birth_date_today_is_accepted_by_the_default_validator_too() {
            // LocalDate.now() and the validator's default clock both use the system zone; if midnight passes
            // between the two, "today" becomes yesterday, which is still accepted
            assertThat(pathsOf(aMinimalRegistration().birthDate(LocalDate.now()).build())).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1900-01-01", "1950-06-30", "2000-02-29"})
        void a_birth_date_in_the_past_is_accepted(LocalDate birthDate) {
            assertThat(pathsOnFixedDay(aMinimalRegistration().birthDate(birthDate).build())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------ contact details

    @Nested
    class ContactDetails {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"+1 (555) 123-4567", "555.123.4567", "+44 20 7946 0958", "0612345678", "911", "+49/30/1234567"})
        void phone_numbers_as_clerks_write_them_are_accepted(String phone) {
            assertThat(pathsOf(aMinimalRegistration().phone(phone).build())).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"call me", "12", "+1 555 CALL", "555-1234 ext. 5", "++1 555 1234", "", "   +1 555", "555#1234"})
        void something_that_is_not_a_phone_number_is_refused(String phone) {
            assertThat(pathsOf(aMinimalRegistration().phone(phone).build())).containsExactly("phone");
        }

        @Test
        void a_phone_number_of_40_characters_is_accepted_and_41_refused() {
            assertThat(pathsOf(aMinimalRegistration().phone("1".repeat(40)).build())).isEmpty();
            assertThat(pathsOf(aMinimalRegistration().phone("+" + "1".repeat(40)).build())).containsExactly("phone");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ana@example.org", "ana.lopez+clinic@mail.example.co.uk", "A@B.CO"})
        void well_formed_email_addresses_are_accepted(String email) {
            assertThat(pathsOf(aMinimalRegistration().email(email).build())).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"not-an-email", "ana@", "@example.org", "ana example@example.org", "ana@@example.org"})
        void malformed_email_addresses_are_refused(String email) {
            assertThat(pathsOf(aMinimalRegistration().email(email).build())).containsExactly("email");
        }

        @Test
        void an_email_address_of_254_characters_is_accepted_and_255_refused() {
            String local = "a".repeat(64);
            String domain254 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
            String domain255 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
            String email254 = local + "@" + domain254;
            String email255 = local + "@" + domain255;
            assertThat(email254).hasSize(254);
            assertThat(email255).hasSize(255);

            assertThat(pathsOf(aMinimalRegistration().email(email254).build())).isEmpty();
            assertThat(pathsOf(aMinimalRegistration().email(email255).build())).containsExactly("email");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"en", "pt-BR", "es-419", "zh-Hant-TW", "fil", "EN", "sr-Latn"})
        void language_tags_are_accepted(String tag) {
            assertThat(pathsOf(aMinimalRegistration().preferredLanguage(tag).build())).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"English", "e", "en_US", "pt-", "-BR", "en-", "pt BR", "en-abcdefghi", "", "1en"})
        void something_that_is_not_a_language_tag_is_refused(String tag) {
            assertThat(pathsOf(aMinimalRegistration().preferredLanguage(tag).build())).containsExactly("preferredLanguage");
        }

        @Test
        void a_language_tag_of_35_characters_is_accepted_and_36_refused() {
            String tag35 = "en" + "-abcdefgh".repeat(3) + "-abcde";
            String tag36 = "en" + "-abcdefgh".repeat(3) + "-abcdef";
            assertThat(tag35).hasSize(35);
            assertThat(tag36).hasSize(36);

            assertThat(pathsOf(aMinimalRegistration().preferredLanguage(tag35).build())).isEmpty();
            assertThat(pathsOf(aMinimalRegistration().preferredLanguage(tag36).build())).containsExactly("preferredLanguage");
        }
    }

    // ------------------------------------------------------------------------------ nested records

    @Nested
    class AddressFields {

        @ParameterizedTest(name = "address.{0} of {1} characters")
        @CsvSource({
                "line1,      200",
                "line2,      200",
                "city,       100",
                "region,     100",
                "postalCode, 20",
                "country,    60",
        })
        void an_address_line_may_be_as_long_as_its_limit_but_not_longer(String field, int max) {
            assertThat(pathsOf(aCompleteIntake().address(addressWith(field, "x".repeat(max))).build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().address(addressWith(field, "x".repeat(max + 1))).build()))
                    .containsExactly("address." + field);
        }

        @Test
        void an_address_may_be_partly_filled_in() {
            Address cityOnly = new Address(null, null, "Lisboa", null, null, null);

            assertThat(pathsOf(aMinimalRegistration().address(cityOnly).build())).isEmpty();
        }

        private static Address addressWith(String field, String value) {
            return new Address(
                    field.equals("line1") ? value : "12 Rua Augusta",
                    field.equals("line2") ? value : "2nd floor",
                    field.equals("city") ? value : "Lisboa",
                    field.equals("region") ? value : "Lisboa",
                    field.equals("postalCode") ? value : "1100-053",
                    field.equals("country") ? value : "Portugal");
        }
    }

    @Nested
    class EmergencyContactFields {

        @ParameterizedTest(name = "name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void an_emergency_contact_needs_a_name(String name) {
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact(name, "+351 912 345 678", "sister"))
                    .build())).containsExactly("emergencyContact.name");
        }

        @Test
        void the_emergency_contact_name_is_limited_to_200_characters() {
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact("n".repeat(200), null, null))
                    .build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact("n".repeat(201), null, null))
                    .build())).containsExactly("emergencyContact.name");
        }

        @Test
        void the_emergency_contact_phone_must_look_like_a_phone_number() {
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact("Rui", "ask the neighbour", null))
                    .build())).containsExactly("emergencyContact.phone");
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact("Rui", "+" + "1".repeat(40), null))
                    .build())).containsExactly("emergencyContact.phone");
        }

        @Test
        void the_relationship_is_limited_to_60_characters() {
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact("Rui", null, "r".repeat(60)))
                    .build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().emergencyContact(new EmergencyContact("Rui", null, "r".repeat(61)))
                    .build())).containsExactly("emergencyContact.relationship");
        }
    }

    @Nested
    class InsuranceFields {

        @ParameterizedTest(name = "payer \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void insurance_needs_a_payer(String payer) {
            assertThat(pathsOf(aCompleteIntake().insurance(new Insurance(payer, "M-1")).build()))
                    .containsExactly("insurance.payer");
        }

        @Test
        void the_payer_is_limited_to_200_characters_and_the_member_id_to_60() {
            assertThat(pathsOf(aCompleteIntake().insurance(new Insurance("p".repeat(200), "m".repeat(60))).build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().insurance(new Insurance("p".repeat(201), "m".repeat(61))).build()))
                    .containsExactlyInAnyOrder("insurance.payer", "insurance.memberId");
        }
    }

    @Nested
    class IndicationFields {

        @Test
        void an_indication_needs_its_catalogue_code() {
            assertThat(pathsOf(aCompleteIntake().indication(new IndicationEntry(null, "knee pain")).build()))
                    .containsExactly("indication.code");
        }

        @Test
        void the_indication_text_is_limited_to_500_characters() {
            assertThat(pathsOf(aCompleteIntake().indication(new IndicationEntry(Indication.OTHER, "t".repeat(500)))
                    .build())).isEmpty();
            assertThat(pathsOf(aCompleteIntake().indication(new IndicationEntry(Indication.OTHER, "t".repeat(501)))
                    .build())).containsExactly("indication.text");
        }
    }

    @Nested
    class Lists {

        @Test
        void a_null_therapy_in_the_list_is_named_with_its_position() {
            PatientDetails details = aCompleteIntake()
                    .currentTherapies(Arrays.asList(Therapy.NSAID, null, Therapy.PHYSICAL_THERAPY))
                    .build();

            assertThat(pathsOf(details)).containsExactly("currentTherapies[1].<list element>");
        }

        @Test
        void a_null_id_among_the_confirmed_other_people_is_named_with_its_position() {
            PatientDetails details = aCompleteIntake()
                    .notDuplicateOf(Arrays.asList(null, UUID.randomUUID()))
                    .build();

            assertThat(pathsOf(details)).containsExactly("notDuplicateOf[0].<list element>");
        }

        @Test
        void missing_lists_become_empty_lists() {
            PatientDetails details = aMinimalRegistration().build();

            assertThat(details.currentTherapies()).isEmpty();
            assertThat(details.notDuplicateOf()).isEmpty();
            assertThat(violationsOf(details)).isEmpty();
        }

        @Test
        void the_lists_are_copies_the_caller_cannot_change_afterwards() {
            List<Therapy> therapies = new ArrayList<>(List.of(Therapy.NSAID));
            PatientDetails details = aMinimalRegistration().currentTherapies(therapies).build();

            therapies.add(Therapy.OPIOID);

            assertThat(details.currentTherapies()).containsExactly(Therapy.NSAID);
        }
    }

    @Test
    void several_problems_are_all_reported_at_once() {
        PatientDetails details = aCompleteIntake()
                .givenName(" ")
                .baselinePainScore(11)
                .email("nope")
                .address(new Address(null, null, null, null, "9".repeat(21), null))
                .emergencyContact(new EmergencyContact(null, null, null))
                .build();

        assertThat(pathsOf(details)).containsExactlyInAnyOrder(
                "givenName", "baselinePainScore", "email", "address.postalCode", "emergencyContact.name");
    }

    @Test
    void each_refusal_carries_a_message_a_clerk_can_read() {
        assertThat(violationsOf(aMinimalRegistration().phone("call me").preferredLanguage("English").build()))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder("must be a phone number", "must be a language tag such as en or pt-BR");
    }

    // ------------------------------------------------------------------------------ helpers

    private static Set<ConstraintViolation<PatientDetails>> violationsOf(PatientDetails details) {
        return validator.validate(details);
    }

    private static Set<String> pathsOf(PatientDetails details) {
        return violationsOf(details).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    private static List<UUID> randomIds(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static Details aMinimalRegistration() {
        return new Details();
    }

    private static Details aCompleteIntake() {
        return new Details()
                .phone("+351 912 345 678")
                .email("ana.silva@example.org")
                .address(new Address("12 Rua Augusta", "2nd floor", "Lisboa", "Lisboa", "1100-053", "Portugal"))
                .preferredLanguage("pt-PT")
                .emergencyContact(new EmergencyContact("Rui Silva", "+351 913 000 111", "brother"))
                .insurance(new Insurance("Médis", "M-123456"))
                .referringClinician("Dr. Costa")
                .indication(new IndicationEntry(Indication.KNEE_OSTEOARTHRITIS, "right knee, Kellgren-Lawrence grade 3"))
                .painLocation("right knee, medial")
                .laterality(Laterality.RIGHT)
                .painDurationMonths(18)
                .baselinePainScore(7)
                .opioidMmePerDay(new BigDecimal("15"))
                .anticoagulated(false)
                .currentTherapies(List.of(Therapy.PHYSICAL_THERAPY, Therapy.NSAID))
                .notDuplicateOf(List.of());
    }

    /** Patient details for a test: a valid registration, changed one field at a time. */
    private static final class Details {
        private String givenName = "Ana";
        private String familyName = "Silva";
        private LocalDate birthDate = LocalDate.of(1958, 4, 25);
        private Sex sex = Sex.FEMALE;
        private String phone;
        private String email;
        private Address address;
        private String preferredLanguage;
        private EmergencyContact emergencyContact;
        private Insurance insurance;
        private String referringClinician;
        private IndicationEntry indication;
        private String painLocation;
        private Laterality laterality;
        private Integer painDurationMonths;
        private Integer baselinePainScore;
        private BigDecimal opioidMmePerDay;
        private Boolean anticoagulated;
        private List<Therapy> currentTherapies;
        private List<UUID> notDuplicateOf;

        Details givenName(String value) { givenName = value; return this; }
        Details familyName(String value) { familyName = value; return this; }
        Details birthDate(LocalDate value) { birthDate = value; return this; }
        Details sex(Sex value) { sex = value; return this; }
        Details phone(String value) { phone = value; return this; }
        Details email(String value) { email = value; return this; }
        Details address(Address value) { address = value; return this; }
        Details preferredLanguage(String value) { preferredLanguage = value; return this; }
        Details emergencyContact(EmergencyContact value) { emergencyContact = value; return this; }
        Details insurance(Insurance value) { insurance = value; return this; }
        Details referringClinician(String value) { referringClinician = value; return this; }
        Details indication(IndicationEntry value) { indication = value; return this; }
        Details painLocation(String value) { painLocation = value; return this; }
        Details laterality(Laterality value) { laterality = value; return this; }
        Details painDurationMonths(Integer value) { painDurationMonths = value; return this; }
        Details baselinePainScore(Integer value) { baselinePainScore = value; return this; }
        Details opioidMmePerDay(BigDecimal value) { opioidMmePerDay = value; return this; }
        Details anticoagulated(Boolean value) { anticoagulated = value; return this; }
        Details currentTherapies(List<Therapy> value) { currentTherapies = value; return this; }
        Details notDuplicateOf(List<UUID> value) { notDuplicateOf = value; return this; }

        PatientDetails build() {
            return new PatientDetails(givenName, familyName, birthDate, sex, phone, email, address, preferredLanguage,
                    emergencyContact, insurance, referringClinician, indication, painLocation, laterality,
                    painDurationMonths, baselinePainScore, opioidMmePerDay, anticoagulated, currentTherapies,
                    notDuplicateOf);
        }
    }
}
