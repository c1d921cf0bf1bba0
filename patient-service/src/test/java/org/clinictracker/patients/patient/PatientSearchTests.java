package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.eligibleScreeningAnswers;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.clinictracker.patients.PatientFixtures.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A search result shows enough to pick the right chart and the screening flag, and nothing a list does not need. */
@ClinicServiceTest
class PatientSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    PatientApi api;

    @BeforeEach
    void setUp() {
        api = new PatientApi(mvc, json);
    }

    @Test
    void a_search_result_carries_identity_name_birth_date_and_sex_but_no_contact_address_or_insurance() throws Exception {
        String family = uniqueFamilyName();
        JsonNode chart = api.register(registration(family));

        JsonNode found = searchOne(family);

        assertThat(fieldNames(found)).containsExactlyInAnyOrder(
                "id", "mrn", "version", "displayName", "givenName", "familyName", "birthDate", "sex");
        assertThat(found.get("id").asString()).isEqualTo(chart.get("id").asString());
        assertThat(found.get("mrn").asString()).isEqualTo(chart.get("mrn").asString());
        assertThat(found.get("displayName").asString()).isEqualTo(chart.get("displayName").asString());
        assertThat(found.get("givenName").asString()).isEqualTo("Maria");
        assertThat(found.get("familyName").asString()).isEqualTo(family);
        assertThat(found.get("birthDate").asString()).isEqualTo("1961-04-17");
        assertThat(found.get("sex").asString()).isEqualTo("FEMALE");
        // The chart itself still has them all.
        assertThat(fieldNames(chart)).contains("phone", "email", "address", "emergencyContact", "insurance");
    }

    @Test
    void every_way_of_searching_answers_summaries() throws Exception {
        String family = uniqueFamilyName();
        JsonNode chart = api.register(registration(family));
        for (var search : new org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder[] {
                get("/api/patients").param("q", family),
                get("/api/patients").param("mrn", chart.get("mrn").asString()),
                get("/api/patients").param("q", family).param("birthDate", "1961-04-17") }) {
            String body = mvc.perform(search.with(ClinicJwt.coordinator())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).contains(family)
                    .doesNotContain("Harbour Road", "Acme Health", "AH-778812", "Rui Silva", "+1 555 0100",
                            "patient@example.org", "Dr. Ana Costa");
        }
    }

    @Test
    void the_flag_is_what_the_latest_screening_says_now() throws Exception {
        String family = uniqueFamilyName();
        UUID patientId = api.registerId(registration(family));
        assertThat(searchOne(family).has("screeningResult")).as("never screened").isFalse();

        screen(patientId, eligibleScreeningAnswers());
        JsonNode needingReview = screen(patientId, with(eligibleScreeningAnswers(), "chronicPainMonths", 2));
        assertThat(needingReview.get("result").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(searchOne(family).get("screeningResult").asString()).isEqualTo("NEEDS_REVIEW");

        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, needingReview.get("id").asString())
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Pain for 14 weeks per referral letter"))))
                .andExpect(status().isOk());
        String effective = api.read(patientId).get("screening").get("effectiveResult").asString();
        assertThat(effective).isNotEqualTo("NEEDS_REVIEW");
        assertThat(searchOne(family).get("screeningResult").asString()).isEqualTo(effective);
    }

    @Test
    void an_override_for_one_modality_does_not_clear_the_flag_of_the_strictest() throws Exception {
        String family = uniqueFamilyName();
        UUID patientId = api.registerId(registration(family));
        // cold intolerance rules out cryoneurolysis; short pain history leaves RFA and blocks for review
        JsonNode screening = screen(patientId,
                with(with(eligibleScreeningAnswers(), "coldIntolerance", true), "chronicPainMonths", 2));
        assertThat(screening.get("result").asString()).isEqualTo("NOT_ELIGIBLE");

        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screening.get("id").asString())
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Pain for 14 weeks per referral letter",
                                "modalities", List.of("RADIOFREQUENCY_ABLATION")))))
                .andExpect(status().isOk());

        JsonNode chartScreening = api.read(patientId).get("screening");
        assertThat(chartScreening.get("effectiveResult").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(searchOne(family).get("screeningResult").asString()).isEqualTo("NOT_ELIGIBLE");
        for (JsonNode modality : chartScreening.get("modalities")) {
            if (modality.get("modality").asString().equals("RADIOFREQUENCY_ABLATION")) {
                assertThat(modality.get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
            }
        }
    }

    private JsonNode searchOne(String family) throws Exception {
        String body = mvc.perform(get("/api/patients").param("q", family).with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode content = json.readTree(body).get("content");
        assertThat(content).hasSize(1);
        return content.get(0);
    }

    private JsonNode screen(UUID patientId, Map<String, Object> answers) throws Exception {
        String body = mvc.perform(post("/api/patients/{id}/screenings", patientId).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(answers)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(node.propertyNames());
    }
}
