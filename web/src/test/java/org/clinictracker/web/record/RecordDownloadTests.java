package org.clinictracker.web.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.admin;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.chart.ClinicAnswers.PATIENT_ID;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiFile;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.chart.ClinicAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** "Download the record (FHIR)": the link on the chart for the roles that may export, and the file it gives. */
@SpringBootTest
@AutoConfigureMockMvc
class RecordDownloadTests {

    private static final String DOWNLOAD = "/patients/" + PATIENT_ID + "/record.fhir.json";
    private static final String EXPORT = "/api/fhir/Patient/" + PATIENT_ID + "/$everything";

    /** The export as patient-service answers it, shortened: a searchset whose Patient carries the MRN. */
    static final String RECORD = """
            {"resourceType":"Bundle","type":"searchset","total":2,"entry":[
              {"fullUrl":"http://localhost:8080/api/fhir/Patient/%s","resource":{"resourceType":"Patient","id":"%s",
                "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                  "system":"https://clinic-tracker.org/fhir/NamingSystem/mrn","value":"CT-000024-0"}],
                "name":[{"family":"Murphy","given":["Seán"]}]}},
              {"fullUrl":"http://localhost:8080/api/fhir/Condition/c1","resource":{"resourceType":"Condition","id":"c1",
                "subject":{"reference":"Patient/%s"}}}]}
            """.formatted(PATIENT_ID, PATIENT_ID, PATIENT_ID);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void aPatientAndTheirRecord() {
        ClinicAnswers.chartOfPatientNeedingReview(api);
        // no Content-Disposition from the API: the file's name is the web app's, from the MRN in the record
        when(api.download(EXPORT, Map.of(), ClinicApi.FHIR_JSON))
                .thenReturn(new ApiFile(RECORD.getBytes(StandardCharsets.UTF_8), "application/fhir+json", null));
    }

    private RenderedPage chart(RequestPostProcessor user) throws Exception {
        return RenderedPage.of(mvc.perform(get("/patients/" + PATIENT_ID).with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void the_clinical_roles_and_admins_find_the_download_on_the_chart_and_the_front_desk_does_not() throws Exception {
        for (RequestPostProcessor user : List.of(proceduralist(), coordinator(), admin())) {
            RenderedPage chart = chart(user);
            assertThat(chart.text("//a[@data-record-download]")).isEqualTo("Download the record (FHIR)");
            assertThat(chart.text("//a[@data-record-download]/@href")).isEqualTo(DOWNLOAD);
            assertThat(chart.has("//a[@data-record-download]/@download")).as("a plain link: a refusal is a page").isFalse();
        }
        assertThat(chart(frontDesk()).has("//a[@data-record-download]")).isFalse();
        verify(api, never()).download(anyString(), anyMap(), any());
    }

    @Test
    void the_record_is_the_apis_document_unchanged_as_fhir_json_saved_under_the_patients_mrn() throws Exception {
        byte[] file = mvc.perform(get(DOWNLOAD).with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/fhir+json;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"record-CT-000024-0.json\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(file).isEqualTo(RECORD.getBytes(StandardCharsets.UTF_8));
        verify(api).download(EXPORT, Map.of(), ClinicApi.FHIR_JSON);
    }

    @Test
    void the_front_desk_is_refused_and_nothing_is_exported() throws Exception {
        mvc.perform(get(DOWNLOAD).with(frontDesk())).andExpect(status().isForbidden());
        verify(api, never()).download(anyString(), anyMap(), any());
    }

    @Test
    void a_record_with_a_part_unavailable_is_the_try_again_page_not_a_partial_file() throws Exception {
        when(api.download(EXPORT, Map.of(), ClinicApi.FHIR_JSON)).thenThrow(new ApiProblem(503, Map.of("code", "record-part-unavailable",
                "title", "Part of the record is unavailable",
                "detail", "The follow-up part of the record could not be read; nothing was exported.")));

        String page = mvc.perform(get(DOWNLOAD).with(proceduralist()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        RenderedPage problem = RenderedPage.of(page);
        assertThat(problem.text("//h1")).isEqualTo("The clinic system is busy or away");
        assertThat(problem.text()).contains("nothing was exported", "Try again in a moment.");
    }

    @Test
    void an_unknown_patient_is_the_not_found_page() throws Exception {
        when(api.download(EXPORT, Map.of(), ClinicApi.FHIR_JSON)).thenThrow(new ApiProblem(404, Map.of("code", "not-found",
                "title", "No such patient")));

        mvc.perform(get(DOWNLOAD).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No such patient")));
    }
}
