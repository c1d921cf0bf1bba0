package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.clinictracker.patients.PatientFixtures.with;
import static org.clinictracker.patients.PatientFixtures.without;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** Whatever a client sends wrong gets a 4xx problem naming the field, and nothing is stored or announced. */
@ClinicServiceTest
class BadPatientInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    /** Stands for the JSON escape of a lone surrogate, which no Java serializer writes as such. */
    private static final String LONE_SURROGATE = "<lone-surrogate>";

    static Stream<Arguments> invalidRegistrations() {
        Map<String, Object> valid = registration(uniqueFamilyName());
        return Stream.of(
                Arguments.of("given name missing", without(valid, "givenName"), "givenName"),
                Arguments.of("family name blank", with(valid, "familyName", "  "), "familyName"),
                Arguments.of("birth date missing", without(valid, "birthDate"), "birthDate"),
                Arguments.of("sex missing", without(valid, "sex"), "sex"),
                Arguments.of("pain score 11", with(valid, "baselinePainScore", 11), "baselinePainScore"),
                Arguments.of("pain score -1", with(valid, "baselinePainScore", -1), "baselinePainScore"),
                Arguments.of("birth date in the future", with(valid, "birthDate", LocalDate.now().plusDays(1).toString()), "birthDate"),
                Arguments.of("birth date before 1900", with(valid, "birthDate", "1899-12-31"), "birthDate"),
                Arguments.of("given name of 101 characters", with(valid, "givenName", "a".repeat(101)), "givenName"),
                Arguments.of("notes-sized referring clinician", with(valid, "referringClinician", "x".repeat(5000)), "referringClinician"),
                Arguments.of("postal code too long", with(valid, "address", Map.of("postalCode", "1".repeat(21))), "address.postalCode"),
                Arguments.of("emergency contact without name", with(valid, "emergencyContact", Map.of("phone", "+1 555")), "emergencyContact.name"),
                Arguments.of("email not an address", with(valid, "email", "maria at example"), "email"),
                Arguments.of("phone with letters", with(valid, "phone", "call me"), "phone"),
                Arguments.of("negative opioid dose", with(valid, "opioidMmePerDay", -5), "opioidMmePerDay"),
                Arguments.of("OTHER indication without text", with(valid, "indication", Map.of("code", "OTHER")), "indication.text"),
                Arguments.of("pain score of the wrong type", with(valid, "baselinePainScore", "high"), "baselinePainScore"),
                Arguments.of("birth date not a date", with(valid, "birthDate", "17/04/1961"), "birthDate"),
                Arguments.of("unknown sex code", with(valid, "sex", "X"), "sex"),
                Arguments.of("unknown therapy code", with(valid, "currentTherapies", List.of("HOMEOPATHY")), "currentTherapies[0]"),
                Arguments.of("anticoagulated as a number", with(valid, "anticoagulated", Map.of("yes", 1)), "anticoagulated"),
                // Strict JSON types: nothing is converted behind the clerk's back.
                Arguments.of("a number as the given name", with(valid, "givenName", 12345), "givenName"),
                Arguments.of("a boolean as the family name", with(valid, "familyName", true), "familyName"),
                Arguments.of("pain score 7.5", with(valid, "baselinePainScore", 7.5), "baselinePainScore"),
                Arguments.of("pain score as text", with(valid, "baselinePainScore", "7"), "baselinePainScore"),
                Arguments.of("anticoagulated as 1", with(valid, "anticoagulated", 1), "anticoagulated"),
                Arguments.of("anticoagulated as text", with(valid, "anticoagulated", "true"), "anticoagulated"),
                Arguments.of("sex as its position", with(valid, "sex", 0), "sex"),
                Arguments.of("birth date as a number", with(valid, "birthDate", 19610417), "birthDate"),
                Arguments.of("opioid dose finer than its column", with(valid, "opioidMmePerDay", 0.001), "opioidMmePerDay"),
                // Text PostgreSQL cannot store, or that has no place in a chart.
                Arguments.of("NUL in the given name", with(valid, "givenName", "Ma\u0000ria"), "givenName"),
                Arguments.of("unpaired surrogate in the family name", with(valid, "familyName", "Silva" + LONE_SURROGATE), "familyName"),
                Arguments.of("line break in the family name", with(valid, "familyName", "Silva\nDrop"), "familyName"),
                Arguments.of("escape sequence in the city", with(valid, "address", Map.of("city", "Porto\u001B[2J")), "address.city"),
                Arguments.of("NUL in the emergency contact", with(valid, "emergencyContact", Map.of("name", "Rui\u0000")), "emergencyContact.name"),
                Arguments.of("NUL in the indication text", with(valid, "indication", Map.of("code", "OTHER", "text", "x\u0000")), "indication.text"),
                // Normalisation must not outgrow the columns: 100 'ﬃ' are 300 letters once spelled out.
                Arguments.of("family name of 100 ligatures", with(valid, "familyName", "\uFB03".repeat(100)), "familyName"),
                Arguments.of("given name of 100 Arabic ligatures", with(valid, "givenName", "\uFDFA".repeat(12)), "givenName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void an_invalid_registration_is_refused_naming_the_field_and_stores_nothing(String story, Map<String, Object> body,
            String field) throws Exception {
        StoredRows before = storedRows();

        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body).replace(LONE_SURROGATE, "\\uD800")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void a_request_refused_before_any_controller_gets_a_problem_too() throws Exception {
        // what the container forwards to its error page, e.g. a header it cannot read
        mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 400)
                        .requestAttr("jakarta.servlet.error.request_uri", "/api/patients"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("bad-request"));
    }

    @Test
    void names_of_special_letters_that_double_once_normalised_are_registered_and_found() throws Exception {
        String family = uniqueFamilyName();
        String given = "\u00DF".repeat(100);

        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(registration(given, family + "\u00DF".repeat(80)))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.givenName").value(given));
        mvc.perform(get("/api/patients").param("q", family + " ssss").with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].givenName").value(given));
    }

    @Test
    void the_search_and_duplicate_key_columns_hold_two_names_of_the_longest_normalised_length() {
        List<Integer> lengths = jdbc.sql("""
                        SELECT character_maximum_length FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'patient' AND column_name IN ('duplicate_key', 'name_words')""")
                .query(Integer.class).list();

        // two names, a space between them, and name_words' leading space
        assertThat(lengths).hasSize(2).allSatisfy(length ->
                assertThat(length).isGreaterThanOrEqualTo(2 * NameNormalizer.MAX_NORMALIZED_LENGTH + 2));
    }

    @Test
    void a_key_sent_twice_is_refused_rather_than_one_value_silently_winning() throws Exception {
        StoredRows before = storedRows();
        String body = json.writeValueAsString(registration(uniqueFamilyName()));
        String twice = body.substring(0, body.length() - 1) + ",\"baselinePainScore\":2,\"baselinePainScore\":9}";

        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(twice))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void a_multi_megabyte_body_is_refused_as_too_large_and_stores_nothing() throws Exception {
        StoredRows before = storedRows();
        Map<String, Object> huge = with(registration(uniqueFamilyName()), "painLocation", "knee ".repeat(1_000_000));

        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(huge)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("payload-too-large"));

        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void malformed_json_is_a_bad_request_and_stores_nothing() throws Exception {
        StoredRows before = storedRows();

        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"givenName\": \"Maria\", \"familyName\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("malformed-request"));
        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"));

        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_is_refused_as_unsupported() throws Exception {
        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.TEXT_PLAIN).content("Maria Silva 1961-04-17"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void bad_search_and_lookup_parameters_are_refused() throws Exception {
        mvc.perform(get("/api/patients").param("mrn", "CT-000001-0").with(ClinicJwt.frontDesk()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mrn"));
        mvc.perform(get("/api/patients").param("size", "1000").with(ClinicJwt.frontDesk()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/patients").param("birthDate", "yesterday").with(ClinicJwt.frontDesk()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"));
        mvc.perform(get("/api/patients").param("sort", "SHOE_SIZE").with(ClinicJwt.frontDesk()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/patients/{id}", "not-a-uuid").with(ClinicJwt.frontDesk()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/patients/{id}", "6f1c2a8e-3b7d-4c55-9a0e-2f4b8d1e7c90").with(ClinicJwt.frontDesk()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    private record StoredRows(long patients, long events, long auditEntries) {
    }

    private StoredRows storedRows() {
        return new StoredRows(count("patient"), count("outbox_event"), count("audit_entry"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
