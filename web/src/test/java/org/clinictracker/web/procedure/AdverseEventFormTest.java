package org.clinictracker.web.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.ClinicUsers.withRole;
import static org.clinictracker.web.chart.ClinicAnswers.ADVERSE_EVENT_ID;
import static org.clinictracker.web.chart.ClinicAnswers.PROCEDURE_ID;
import static org.mockito.ArgumentMatchers.any;
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
import org.clinictracker.web.chart.ClinicAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class AdverseEventFormTest {

    private static final UUID PROCEDURE = UUID.fromString(PROCEDURE_ID);
    private static final UUID EVENT = UUID.fromString(ADVERSE_EVENT_ID);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void aProcedureWithAnEvent() {
        when(api.get("/api/procedures/{id}", PROCEDURE)).thenReturn(ClinicAnswers.procedure());
    }

    private static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request) {
        return request.with(proceduralist()).header("HX-Request", "true")
                .param("type", "SKIN_DISCOLORATION").param("severity", "MODERATE").param("serious", "true")
                .param("onsetOn", "2026-11-24").param("outcome", "RESOLVED").param("resolvedOn", "2026-11-25")
                .param("notes", "Faded within a day").param("description", "");
    }

    @Test
    void the_report_form_offers_every_type_in_words_with_labels() throws Exception {
        String html = mvc.perform(get("/procedures/{id}/adverse-events/new", PROCEDURE_ID).with(proceduralist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.text("//h1")).isEqualTo("Report an adverse event");
        assertThat(page.count("//select[@id='type']/option[@value!='']")).isEqualTo(14);
        assertThat(page.text("//select[@id='type']/option[@value='SKIN_DISCOLORATION']")).isEqualTo("Skin discoloration / pigment change");
        for (String id : List.of("type", "description", "onsetOn", "outcome", "resolvedOn", "notes", "severity-MILD",
                "serious-true")) {
            assertThat(page.has("//label[@for='%s']".formatted(id))).as("label for " + id).isTrue();
            assertThat(page.has("//*[@id='%s']".formatted(id))).as(id).isTrue();
        }
        assertThat(page.text("//form/@hx-post")).isEqualTo("/procedures/%s/adverse-events/new".formatted(PROCEDURE_ID));
    }

    @Test
    void only_a_proceduralist_reports_or_updates_adverse_events() throws Exception {
        for (String role : List.of("coordinator", "clinic-admin", "front-desk")) {
            mvc.perform(get("/procedures/{id}/adverse-events/new", PROCEDURE_ID)
                    .with(withRole(role))).andExpect(status().isForbidden());
            mvc.perform(post("/procedures/{id}/adverse-events/{ae}/edit", PROCEDURE_ID, ADVERSE_EVENT_ID)
                    .with(withRole(role))).andExpect(status().isForbidden());
        }
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void a_report_is_sent_as_the_api_names_its_fields_with_the_forms_key() throws Exception {
        when(api.post(anyString(), any(), anyString(), any(Object[].class))).thenReturn(new ApiAnswer(Map.of(), null, null));

        mvc.perform(filled(post("/procedures/{id}/adverse-events/new", PROCEDURE_ID)).param("idempotencyKey", "ae-key"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/procedures/%s#adverse-events".formatted(PROCEDURE_ID)));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/procedures/{id}/adverse-events"), body.capture(), eq("ae-key"), eq(PROCEDURE));
        assertThat(body.getValue()).containsEntry("type", "SKIN_DISCOLORATION").containsEntry("severity", "MODERATE")
                .containsEntry("serious", true).containsEntry("onsetOn", "2026-11-24").containsEntry("outcome", "RESOLVED")
                .containsEntry("resolvedOn", "2026-11-25").containsEntry("notes", "Faded within a day")
                .containsEntry("description", null);
    }

    @Test
    void the_update_form_shows_the_event_as_recorded_and_sends_its_version_as_if_match() throws Exception {
        String html = mvc.perform(get("/procedures/{id}/adverse-events/{ae}/edit", PROCEDURE_ID, ADVERSE_EVENT_ID)
                        .with(proceduralist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);
        assertThat(page.text("//h1")).isEqualTo("Update an adverse event");
        assertThat(page.text("//select[@id='type']/option[@selected]/@value")).isEqualTo("PERMANENT_NERVE_INJURY");
        assertThat(page.has("//input[@id='severity-SEVERE']/@checked")).isTrue();
        assertThat(page.has("//input[@id='serious-true']/@checked")).isTrue();
        assertThat(page.text("//input[@id='onsetOn']/@value")).isEqualTo("2026-11-23");
        assertThat(page.text("//input[@name='version']/@value")).isEqualTo("2");

        when(api.put(anyString(), anyString(), any(), any(Object[].class))).thenReturn(new ApiAnswer(Map.of(), "\"3\"", null));
        mvc.perform(filled(post("/procedures/{id}/adverse-events/{ae}/edit", PROCEDURE_ID, ADVERSE_EVENT_ID))
                        .param("version", "2"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/procedures/%s#adverse-events".formatted(PROCEDURE_ID)));
        verify(api).put(eq("/api/procedures/{id}/adverse-events/{aeId}"), eq("\"2\""), any(), eq(PROCEDURE), eq(EVENT));
    }

    @Test
    void a_refused_report_shows_the_apis_messages_beside_the_fields_and_keeps_the_input() throws Exception {
        when(api.post(anyString(), any(), anyString(), any(Object[].class))).thenThrow(new ApiProblem(422, Map.of(
                "title", "Request is invalid", "code", "validation",
                "errors", List.of(Map.of("field", "resolvedOn", "message", "must be on or after the onset")))));

        String html = mvc.perform(filled(post("/procedures/{id}/adverse-events/new", PROCEDURE_ID)).param("idempotencyKey", "k"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        RenderedPage form = RenderedPage.of(html);

        assertThat(html).doesNotContain("<main");
        assertThat(form.text("//p[@id='resolvedOn-error']")).isEqualTo("must be on or after the onset");
        assertThat(form.text("//input[@id='resolvedOn']/@aria-invalid")).isEqualTo("true");
        assertThat(form.text("//input[@id='resolvedOn']/@aria-describedby")).isEqualTo("resolvedOn-error");
        assertThat(form.text("//*[@data-problem-summary]//a/@href")).isEqualTo("#resolvedOn");
        assertThat(form.text("//select[@id='type']/option[@selected]/@value")).isEqualTo("SKIN_DISCOLORATION");
        assertThat(form.has("//input[@id='severity-MODERATE']/@checked")).isTrue();
        assertThat(form.text("//textarea[@id='notes']")).isEqualTo("Faded within a day");
        assertThat(form.text("//input[@name='idempotencyKey']/@value")).isEqualTo("k");
    }

    @Test
    void a_date_that_is_no_date_is_the_forms_own_message_and_nothing_is_sent() throws Exception {
        String html = mvc.perform(post("/procedures/{id}/adverse-events/new", PROCEDURE_ID).with(proceduralist())
                        .header("HX-Request", "true").param("type", "BRUISING").param("severity", "MILD")
                        .param("serious", "false").param("onsetOn", "yesterday-ish").param("outcome", "ONGOING"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        RenderedPage form = RenderedPage.of(html);

        assertThat(form.text("//p[@id='onsetOn-error']")).startsWith("must be a date");
        assertThat(form.text("//input[@id='onsetOn']/@value")).isEqualTo("yesterday-ish");
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void a_stale_update_shows_what_is_on_record_now_and_takes_its_version() throws Exception {
        when(api.put(anyString(), anyString(), any(), any(Object[].class))).thenThrow(new ApiProblem(412, Map.of(
                "title", "Changed by someone else", "code", "stale-version")));

        String html = mvc.perform(filled(post("/procedures/{id}/adverse-events/{ae}/edit", PROCEDURE_ID, ADVERSE_EVENT_ID))
                        .param("version", "1"))
                .andExpect(status().isPreconditionFailed()).andReturn().getResponse().getContentAsString();
        RenderedPage form = RenderedPage.of(html);

        assertThat(form.text("//*[@data-now-on-record]")).contains("Permanent nerve injury", "severe", "serious", "ongoing");
        assertThat(form.text("//input[@name='version']/@value")).isEqualTo("2");
        assertThat(form.text("//select[@id='outcome']/option[@selected]/@value")).isEqualTo("RESOLVED");
    }
}
