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
                Arguments.of("anticoagulated as a number", with(valid, "anticoagulated", Map.of("yes", 1)), "anticoagulated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void an_invalid_registration_is_refused_naming_the_field_and_stores_nothing(String story, Map<String, Object> body,
            String field) throws Exception {
        StoredRows before = storedRows();

        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

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
