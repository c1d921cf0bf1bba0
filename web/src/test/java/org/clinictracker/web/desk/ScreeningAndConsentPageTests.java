package org.clinictracker.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiAnswer;
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
class ScreeningAndConsentPageTests {

    private static final UUID ID = UUID.fromString("6eedd70b-e31b-4650-9f6f-43139f2a95e1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @Test
    void the_questionnaire_asks_each_question_as_a_labelled_group_with_not_known_as_an_answer() throws Exception {
        Map<String, Object> chart = CorrectionPageTests.chart("+1 510 555 0109", null);
        chart.put("painDurationMonths", 40);
        when(api.get("/api/patients/{id}", ID)).thenReturn(chart);

        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients/{id}/screening", ID).with(frontDesk()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.attribute("chronicPainMonths", "value")).isEqualTo("40");
        assertThat(page.tag("activeInfection")).startsWith("<fieldset");
        assertThat(page.attribute("activeInfection-unknown", "checked")).isEqualTo("checked");
        assertThat(page.attribute("activeInfection-yes", "name")).isEqualTo("activeInfection");
        assertThat(page.markup()).contains("the chart’s intake answer counts (no)");
    }

    @Test
    void answers_become_the_apis_body_with_not_known_left_out_and_the_result_page_follows() throws Exception {
        when(api.post(eq("/api/patients/{id}/screenings"), any(), eq("key-s"), eq(ID)))
                .thenReturn(new ApiAnswer(Map.of("id", "aaaaaaaa-2222-3333-4444-555555555555"), null, null));

        mvc.perform(post("/patients/{id}/screening", ID).with(frontDesk()).header("HX-Request", "true")
                        .param("idempotencyKey", "key-s").param("chronicPainMonths", "40")
                        .param("peripheralNerveDistribution", "true").param("refractoryToMedication", "true")
                        .param("refractoryToPhysicalTherapy", "false").param("activeInfection", "false")
                        .param("coagulopathy", "").param("plannedModality", "RADIOFREQUENCY_ABLATION"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/patients/" + ID + "/screening/result"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/patients/{id}/screenings"), body.capture(), eq("key-s"), eq(ID));
        assertThat(body.getValue()).containsExactlyInAnyOrderEntriesOf(Map.of("chronicPainMonths", 40,
                "peripheralNerveDistribution", true, "refractoryToMedication", true,
                "refractoryToPhysicalTherapy", false, "activeInfection", false,
                "plannedModality", "RADIOFREQUENCY_ABLATION"));
    }

    @Test
    void months_that_are_no_number_and_an_answer_that_is_no_answer_are_refused_before_the_api() throws Exception {
        RenderedPage form = RenderedPage.of(mvc.perform(post("/patients/{id}/screening", ID).with(frontDesk())
                        .header("HX-Request", "true").param("idempotencyKey", "key-t")
                        .param("chronicPainMonths", "a year").param("coagulopathy", "maybe"))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(form.byId("chronicPainMonths-error").text()).contains("whole number of months");
        assertThat(form.attribute("chronicPainMonths", "value")).isEqualTo("a year");
        assertThat(form.byId("coagulopathy-error").text()).contains("Yes, No or Not known");
        assertThat(form.attribute("coagulopathy", "aria-describedby")).isEqualTo("coagulopathy-error");
        verify(api, never()).post(any(), any(), any(), any());
    }

    @Test
    void the_result_is_said_in_words_with_its_reasons_for_each_procedure() throws Exception {
        Map<String, Object> chart = CorrectionPageTests.chart("+1 510 555 0109", null);
        Map<String, Object> screening = new LinkedHashMap<>();
        screening.put("result", "NOT_ELIGIBLE");
        screening.put("effectiveResult", "NOT_ELIGIBLE");
        screening.put("answers", Map.of("coldIntolerance", true));
        screening.put("reasons", List.of(Map.of("code", "COLD_INTOLERANCE", "message",
                "Cold-specific condition (cryoglobulinemia, cold urticaria, paroxysmal cold haemoglobinuria, Raynaud's): no cryoneurolysis")));
        screening.put("screenedBy", "frontdesk1");
        screening.put("screenedAt", "2026-11-26T04:00:00Z");
        screening.put("modalities", List.of(
                Map.of("modality", "CRYONEUROLYSIS", "result", "NOT_ELIGIBLE", "effectiveResult", "NOT_ELIGIBLE",
                        "reasons", List.of(Map.of("code", "COLD_INTOLERANCE", "message", "Cold-specific condition"))),
                Map.of("modality", "RADIOFREQUENCY_ABLATION", "result", "ELIGIBLE", "effectiveResult", "ELIGIBLE",
                        "reasons", List.of())));
        chart.put("screening", screening);
        when(api.get("/api/patients/{id}", ID)).thenReturn(chart);

        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients/{id}/screening/result", ID)
                        .with(frontDesk()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.markup()).contains("Not eligible", "for cryoneurolysis", "Raynaud", "Radiofrequency ablation",
                "Record consent").doesNotContain("NOT_ELIGIBLE</", ">COLD_INTOLERANCE");
        assertThat(page.tagsWith("data-result", "NOT_ELIGIBLE")).hasSize(1);
    }

    @Test
    void a_consent_is_recorded_and_confirmed_with_the_history() throws Exception {
        when(api.post(eq("/api/patients/{id}/consents"), any(), eq("key-c"), eq(ID)))
                .thenReturn(new ApiAnswer(Map.of("id", "cccccccc-2222-3333-4444-555555555555"), null, null));

        mvc.perform(post("/patients/{id}/consent", ID).with(frontDesk()).header("HX-Request", "true")
                        .param("idempotencyKey", "key-c").param("procedure", "CRYONEUROLYSIS")
                        .param("signedOn", "2026-11-25").param("witness", "Dr. Obi").param("formVersion", ""))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect",
                        "/patients/" + ID + "/consent?recorded=cccccccc-2222-3333-4444-555555555555"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/patients/{id}/consents"), body.capture(), eq("key-c"), eq(ID));
        assertThat(body.getValue()).containsExactlyInAnyOrderEntriesOf(Map.of("procedure", "CRYONEUROLYSIS",
                "signedOn", "2026-11-25", "witness", "Dr. Obi"));

        when(api.get("/api/patients/{id}", ID)).thenReturn(CorrectionPageTests.chart("+1", null));
        when(api.getArray("/api/patients/{id}/consents", ID)).thenReturn(List.of(Map.of(
                "id", "cccccccc-2222-3333-4444-555555555555", "procedure", "CRYONEUROLYSIS",
                "signedOn", "2026-11-25", "witness", "Dr. Obi", "recordedBy", "frontdesk1")));
        String page = mvc.perform(get("/patients/{id}/consent", ID).param("recorded", "cccccccc-2222-3333-4444-555555555555")
                        .with(frontDesk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-consent-recorded", "Recorded: consent to", "Cryoneurolysis", "Dr. Obi");
    }

    @Test
    void the_apis_refusal_of_a_consent_stands_beside_the_field() throws Exception {
        when(api.post(eq("/api/patients/{id}/consents"), any(), any(), eq(ID))).thenThrow(new ApiProblem(400, Map.of(
                "code", "validation", "title", "Invalid request",
                "errors", List.of(Map.of("field", "signedOn", "message", "must be a date in the past or in the present")))));

        RenderedPage form = RenderedPage.of(mvc.perform(post("/patients/{id}/consent", ID).with(frontDesk())
                        .header("HX-Request", "true").param("idempotencyKey", "key-d").param("procedure", "NERVE_BLOCK")
                        .param("signedOn", "2099-01-01").param("witness", "Dr. Obi"))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(form.byId("signedOn-error").text()).isEqualTo("must be a date in the past or in the present");
        assertThat(form.attribute("signedOn", "value")).isEqualTo("2099-01-01");
        assertThat(form.attribute("witness", "value")).isEqualTo("Dr. Obi");
    }
}
