package org.clinictracker.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.clinictracker.testsupport.TestTokenIssuerInitializer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.client.ResourceAccessException;

/**
 * What a user sees when the API cannot give a page: the problem page in the layout with the API's status and
 * words a person can act on ("try again", "not found"), never a stack trace. The admin's audit trail stands in
 * for any page that reads from the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestTokenIssuerInitializer.class)
class ProblemPageTests {

    private static final String PAGE = "/patients/6eedd70b-e31b-4650-9f6f-43139f2a95e1/audit";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @LocalServerPort
    int port;

    @Test
    void a_service_away_is_the_problem_page_with_503_and_try_again() throws Exception {
        apiAnswers(new ApiProblem(503, Map.of("code", "service-unavailable", "title", "Service unavailable",
                "detail", "The patient service is not answering.")));

        MvcResult page = mvc.perform(get(PAGE).with(ClinicRole.CLINIC_ADMIN.token()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(xpath("//h1").string("The clinic system is busy or away"))
                .andExpect(xpath("//header[@class='app-header']").exists())
                .andExpect(xpath("//main[@id='main']//*[@role='alert']").exists())
                .andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("Try again in a moment");
        assertNoInternals(page.getResponse().getContentAsString());
    }

    @Test
    void a_gateway_that_does_not_answer_at_all_is_the_same_try_again_page() throws Exception {
        apiAnswers(new ResourceAccessException("I/O error on GET request for \"http://localhost:8080/api/patients\": Connection refused"));

        MvcResult page = mvc.perform(get(PAGE).with(ClinicRole.CLINIC_ADMIN.token()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(xpath("//h1").string("The clinic system is busy or away"))
                .andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("Try again in a moment")
                .doesNotContain("Connection refused").doesNotContain("localhost:8080");
        assertNoInternals(page.getResponse().getContentAsString());
    }

    @Test
    void a_record_the_api_does_not_know_is_not_found_with_404() throws Exception {
        apiAnswers(new ApiProblem(404, Map.of("code", "not-found", "title", "Patient not found",
                "detail", "No patient with id 6eedd70b-e31b-4650-9f6f-43139f2a95e1.")));

        mvc.perform(get(PAGE).with(ClinicRole.CLINIC_ADMIN.token()))
                .andExpect(status().isNotFound())
                .andExpect(xpath("//h1").string("Patient not found"))
                .andExpect(xpath("//main//a[@href='/']").exists());
    }

    @Test
    void a_404_without_a_problem_body_still_says_not_found() throws Exception {
        apiAnswers(new ApiProblem(404, Map.of()));

        mvc.perform(get(PAGE).with(ClinicRole.CLINIC_ADMIN.token()))
                .andExpect(status().isNotFound())
                .andExpect(xpath("//h1").string("Not found"));
    }

    @Test
    void an_unexpected_failure_is_a_plain_page_without_a_stack_trace() throws Exception {
        apiAnswers(new IllegalStateException("secret internals of org.clinictracker.web"));

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + PAGE))
                .header("Accept", "text/html")
                .header("Authorization", "Bearer " + ClinicRole.CLINIC_ADMIN.token().signed()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("<h1>Something went wrong</h1>").contains("class=\"app-header\"")
                .doesNotContain("secret internals");
        assertNoInternals(page.body());
    }

    @Test
    void an_unknown_page_is_not_found_in_the_layout() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/admin/no-such-screen"))
                .header("Accept", "text/html")
                .header("Authorization", "Bearer " + ClinicRole.CLINIC_ADMIN.token().signed()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>There is no such page</h1>").contains("class=\"app-header\"");
        assertNoInternals(page.body());
    }

    @Test
    void an_address_whose_id_is_no_id_is_no_such_page() throws Exception {
        for (String path : List.of("/patients/not-a-uuid", "/procedures/12345", "/procedures/new?patientId=zzz")) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html")
                    .header("Authorization", "Bearer " + ClinicRole.PROCEDURALIST.token().signed()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("<h1>There is no such page</h1>").contains("class=\"app-header\"");
            assertNoInternals(page.body());
        }
    }

    private void apiAnswers(RuntimeException refusal) {
        when(api.get(anyString(), any(Object[].class))).thenThrow(refusal);
        when(api.get(anyString(), anyMap())).thenThrow(refusal);
    }

    private static void assertNoInternals(String html) {
        assertThat(html).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContain("org.springframework").doesNotContain("org.clinictracker").doesNotContain("trace");
    }
}
