package org.clinictracker.web.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.admin;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.ClinicUsers.withRole;
import static org.clinictracker.web.chart.ClinicAnswers.PATIENT_ID;
import static org.clinictracker.web.chart.ClinicAnswers.SCREENING_ID;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PatientChartPageTest {

    private static final UUID PATIENT = UUID.fromString(PATIENT_ID);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void aPatientWithAProcedure() {
        ClinicAnswers.chartOfPatientNeedingReview(api);
    }

    @Test
    void front_desk_sees_demographics_screening_and_consent_but_no_clinical_record_which_is_never_asked_for() throws Exception {
        String html = mvc.perform(get("/patients/" + PATIENT_ID).with(frontDesk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.text("//h1")).isEqualTo("Murphy, Seán");
        assertThat(page.text("//*[@data-mrn]")).isEqualTo("CT-000024-0");
        assertThat(page.text("//*[@data-screening-result]")).isEqualTo("Needs a proceduralist's review");
        assertThat(page.text("//a[@href='/patients/%s/edit']".formatted(PATIENT_ID))).isEqualTo("Correct contact data");
        assertThat(page.has("//a[@href='/patients/%s/screening']".formatted(PATIENT_ID))).isTrue();
        assertThat(page.has("//a[@href='/patients/%s/consent']".formatted(PATIENT_ID))).isTrue();
        assertThat(page.has("//section[@id='procedures']")).isFalse();
        assertThat(page.has("//section[@id='follow-up']")).isFalse();
        assertThat(page.has("//form[@id='override-form']")).isFalse();
        assertThat(page.has("//a[starts-with(@href, '/procedures/new')]")).isFalse();
        assertThat(html).contains("Cryoneurolysis", "2026-03-28", "A. Reyes, RN", "Occipital neuralgia", "M54.81",
                "Cognitive behavioural therapy").doesNotContain("CRYONEUROLYSIS", "Superomedial genicular");
        verify(api, never()).get(eq("/api/procedures"), anyMap());
        verify(api, never()).get(eq("/api/followups"), anyMap());
    }

    @Test
    void proceduralist_sees_procedures_with_targets_and_a_serious_event_badge_the_visits_and_may_override() throws Exception {
        String html = mvc.perform(get("/patients/" + PATIENT_ID).with(proceduralist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.text("//section[@id='procedures']//a[@href='/procedures/%s']".formatted(ClinicAnswers.PROCEDURE_ID)))
                .isEqualTo("2026-11-22");
        assertThat(page.text("//*[@data-serious-adverse-event]")).isEqualTo("Serious adverse event");
        assertThat(page.text("//section[@id='procedures']//tbody/tr/td[2]")).isEqualTo(
                "Superomedial genicular nerve, left Intercostal nerve T4, right");
        assertThat(page.text("//section[@id='follow-up']//tbody/tr/th")).isEqualTo("Week 6 · Cryoneurolysis no. 2");
        assertThat(page.text("//a[@href='/procedures/new?patientId=%s']".formatted(PATIENT_ID))).isEqualTo("Record a procedure");
        assertThat(page.has("//a[@href='/patients/%s/timeline']".formatted(PATIENT_ID))).isTrue();
        assertThat(page.has("//a[@href='/patients/%s/edit']".formatted(PATIENT_ID))).isFalse();
        assertThat(page.text("//form[@id='override-form']/@hx-post"))
                .isEqualTo("/patients/%s/screenings/%s/override".formatted(PATIENT_ID, SCREENING_ID));
        assertThat(page.count("//form[@id='override-form']//input[@type='checkbox' and @name='modalities']")).isEqualTo(3);
        assertThat(html).contains("Overdue", "Early repeat");
    }

    @Test
    void a_screening_that_rules_out_one_modality_offers_the_override_for_that_one_already_ticked() throws Exception {
        when(api.get("/api/patients/{id}", PATIENT)).thenReturn(ClinicAnswers.patientRuledOutForCold());

        String html = mvc.perform(get("/patients/" + PATIENT_ID).with(proceduralist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.text("//*[@data-screening-result]")).isEqualTo("Not eligible");
        assertThat(page.text("//*[@data-screening-result]/@class")).contains("badge-error");
        assertThat(page.count("//input[@name='modalities']")).isEqualTo(1);
        assertThat(page.has("//input[@id='modalities-CRYONEUROLYSIS']/@checked")).isTrue();
        assertThat(page.text("//p[@id='modalities-hint']")).startsWith("Required");
        assertThat(page.text("//table[caption='By modality']//tr[th='Radiofrequency ablation (RFA)']/td[2]")).isEqualTo("Eligible");
    }

    @Test
    void a_follow_up_service_away_costs_only_its_section() throws Exception {
        when(api.get(eq("/api/followups"), anyMap())).thenThrow(new ApiProblem(503, Map.of("title", "Service unavailable")));

        String html = mvc.perform(get("/patients/" + PATIENT_ID).with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.text("//section[@id='follow-up']//*[@role='status']")).startsWith("The follow-up service is not answering");
        assertThat(page.has("//section[@id='procedures']//a[@href='/procedures/%s']".formatted(ClinicAnswers.PROCEDURE_ID))).isTrue();
        assertThat(page.text("//*[@data-mrn]")).isEqualTo("CT-000024-0");
    }

    @Test
    void only_a_proceduralist_may_send_an_override() throws Exception {
        for (String role : List.of("front-desk", "coordinator", "clinic-admin")) {
            mvc.perform(post("/patients/{id}/screenings/{sid}/override", PATIENT_ID, SCREENING_ID).with(withRole(role))
                    .param("reason", "x")).andExpect(status().isForbidden());
        }
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void an_admin_reads_the_record_and_finds_the_audit_trail_but_no_override() throws Exception {
        String html = mvc.perform(get("/patients/" + PATIENT_ID).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.has("//section[@id='procedures']")).isTrue();
        assertThat(page.text("//a[@href='/patients/%s/audit']".formatted(PATIENT_ID))).isEqualTo("Audit trail");
        assertThat(page.has("//form[@id='override-form']")).isFalse();
    }

    @Test
    void an_override_is_sent_with_its_reason_modalities_and_key_and_the_chart_opens_again() throws Exception {
        when(api.post(anyString(), any(), anyString(), any(Object[].class))).thenReturn(new ApiAnswer(Map.of(), null, null));

        mvc.perform(post("/patients/{id}/screenings/{sid}/override", PATIENT_ID, SCREENING_ID).with(proceduralist())
                        .header("HX-Request", "true")
                        .param("result", "ELIGIBLE").param("reason", "Apixaban held for 48 hours")
                        .param("modalities", "CRYONEUROLYSIS").param("idempotencyKey", "key-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/patients/%s#screening".formatted(PATIENT_ID)));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/patients/{id}/screenings/{screeningId}/override"), body.capture(), eq("key-1"),
                eq(PATIENT), eq(UUID.fromString(SCREENING_ID)));
        assertThat(body.getValue()).containsEntry("result", "ELIGIBLE")
                .containsEntry("reason", "Apixaban held for 48 hours")
                .containsEntry("modalities", List.of("CRYONEUROLYSIS"));
    }

    @Test
    void a_refused_override_comes_back_as_the_form_with_the_message_beside_the_field_and_the_input_kept() throws Exception {
        when(api.post(anyString(), any(), anyString(), any(Object[].class))).thenThrow(new ApiProblem(422, Map.of(
                "title", "Request is invalid", "code", "validation",
                "errors", List.of(Map.of("field", "reason", "message", "must not be blank")))));

        String html = mvc.perform(post("/patients/{id}/screenings/{sid}/override", PATIENT_ID, SCREENING_ID)
                        .with(proceduralist()).header("HX-Request", "true")
                        .param("result", "NOT_ELIGIBLE").param("reason", " ").param("modalities", "NERVE_BLOCK")
                        .param("idempotencyKey", "key-2"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        RenderedPage form = RenderedPage.of(html);

        assertThat(html).doesNotContain("<main");
        assertThat(form.has("/page/form[@id='override-form']")).isTrue();
        assertThat(form.text("//p[@id='reason-error']")).isEqualTo("must not be blank");
        assertThat(form.text("//textarea[@id='reason']/@aria-invalid")).isEqualTo("true");
        assertThat(form.text("//textarea[@id='reason']/@aria-describedby")).isEqualTo("reason-error");
        assertThat(form.has("//input[@id='result-NOT_ELIGIBLE']/@checked")).isTrue();
        assertThat(form.has("//input[@id='modalities-NERVE_BLOCK']/@checked")).isTrue();
        assertThat(form.has("//input[@id='modalities-CRYONEUROLYSIS']/@checked")).isFalse();
        assertThat(form.text("//input[@name='idempotencyKey']/@value")).isEqualTo("key-2");
    }
}
