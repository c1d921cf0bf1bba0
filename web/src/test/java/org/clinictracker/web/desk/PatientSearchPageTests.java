package org.clinictracker.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.withRole;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PatientSearchPageTests {

    private static final Map<String, Object> NGOZI = Map.of("id", "6eedd70b-e31b-4650-9f6f-43139f2a95e1",
            "mrn", "CT-000009-1", "displayName", "Adeyemi, Ngozi", "birthDate", "1959-07-07", "sex", "FEMALE",
            "screeningResult", "NEEDS_REVIEW");
    // never screened: the API leaves screeningResult out
    private static final Map<String, Object> OBI = Map.of("id", "7eedd70b-e31b-4650-9f6f-43139f2a95e1",
            "mrn", "CT-000010-7", "displayName", "Adeyemi, Obi", "birthDate", "1961-01-02", "sex", "MALE");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @Test
    void results_as_they_type_come_as_a_fragment_with_a_link_to_each_chart() throws Exception {
        when(api.get(eq("/api/patients"), anyMap())).thenReturn(Map.of("content", List.of(NGOZI, OBI),
                "page", Map.of("size", 20, "number", 0, "totalElements", 2, "totalPages", 1)));

        RenderedPage results = RenderedPage.of(mvc.perform(get("/patients/search").param("q", "adey")
                        .with(frontDesk()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Replace-Url", "/patients?q=adey"))
                .andReturn());

        assertThat(results.markup()).doesNotContain("<html", "<h1").contains("2 patients found", "Adeyemi, Ngozi",
                "CT-000009-1", "1959-07-07", "Needs a proceduralist&#39;s review", "Not screened");
        assertThat(results.tagsWith("href", "/patients/" + NGOZI.get("id"))).hasSize(1);
        assertThat(results.markup()).contains("<th scope=\"col\">MRN</th>", "<caption>");
        assertThat(searched()).containsEntry("q", "adey").containsEntry("mrn", null);
    }

    @Test
    void the_page_searches_without_script_and_its_results_are_a_polite_live_region() throws Exception {
        when(api.get(eq("/api/patients"), anyMap())).thenReturn(Map.of("content", List.of(NGOZI),
                "page", Map.of("size", 20, "number", 0, "totalElements", 1, "totalPages", 1)));

        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients").param("q", "CT-000009-1")
                        .with(frontDesk()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.attribute("search-results", "aria-live")).isEqualTo("polite");
        assertThat(page.attribute("patient-search", "hx-trigger")).isEqualTo("input changed delay:250ms, search");
        assertThat(page.attribute("patient-search", "hx-get")).isEqualTo("/patients/search");
        assertThat(page.attribute("patient-search", "value")).isEqualTo("CT-000009-1");
        assertThat(page.markup()).contains("1 patient found", "Register a patient");
        assertThat(searched()).containsEntry("mrn", "CT-000009-1").containsEntry("q", null);
    }

    @Test
    void no_patient_found_is_said_plainly() throws Exception {
        when(api.get(eq("/api/patients"), anyMap())).thenReturn(Map.of("content", List.of(),
                "page", Map.of("size", 20, "number", 0, "totalElements", 0, "totalPages", 0)));

        String html = mvc.perform(get("/patients/search").param("q", "1931-02-03")
                        .with(frontDesk()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("No patient found", "1931-02-03").doesNotContain("<table");
        assertThat(searched()).containsEntry("birthDate", "1931-02-03");
    }

    @Test
    void a_wrong_check_digit_and_a_service_away_are_explained_in_the_results() throws Exception {
        when(api.get(eq("/api/patients"), anyMap()))
                .thenThrow(new ApiProblem(400, Map.of("code", "validation",
                        "errors", List.of(Map.of("field", "mrn", "message", "is not a valid MRN")))))
                .thenThrow(new ApiProblem(503, Map.of("code", "service-unavailable")));

        String wrongDigit = mvc.perform(get("/patients/search").param("q", "CT-000009-2")
                        .with(frontDesk()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String away = mvc.perform(get("/patients/search").param("q", "Adeyemi")
                        .with(frontDesk()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(wrongDigit).contains("not a valid MRN", "check digit");
        assertThat(away).contains("not available right now");
    }

    @Test
    void a_half_typed_date_asks_for_the_rest_without_searching() throws Exception {
        String html = mvc.perform(get("/patients/search").param("q", "1959-0")
                        .with(frontDesk()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Keep typing the date of birth");
        verify(api, never()).get(any(String.class), anyMap());
    }

    @Test
    void every_role_finds_patients_but_only_the_front_desk_is_offered_registration() throws Exception {
        for (String role : List.of("proceduralist", "coordinator", "clinic-admin")) {
            String html = mvc.perform(get("/patients").with(withRole(role)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(role).contains("Find a patient").doesNotContain("Register a patient",
                    "href=\"/patients/new\"");
        }
        String frontDesk = mvc.perform(get("/patients").with(frontDesk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(frontDesk).contains("data-action=\"register\"");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> searched() {
        ArgumentCaptor<Map<String, Object>> query = ArgumentCaptor.forClass(Map.class);
        verify(api).get(eq("/api/patients"), query.capture());
        return query.getValue();
    }
}
