package org.clinictracker.web.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.worklist.WorklistPageTests.VISIT;
import static org.clinictracker.web.worklist.WorklistPageTests.page;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class OutcomeEntryTests {

    static final String PREFIX = "o-" + VISIT + "-";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    private static MockHttpServletRequestBuilder save() {
        return post("/followups/{id}/outcome", VISIT).header("HX-Request", "true")
                .param("patient", "Håkansson, Björn").param("label", "Month 6").param("idempotencyKey", "key-1");
    }

    @Test
    void the_row_opens_the_form_with_labelled_inputs_named_as_the_api_names_them() throws Exception {
        RenderedPage form = page(mvc.perform(get("/followups/{id}/outcome", VISIT).param("patient", "Håkansson, Björn")
                .param("label", "Month 6").header("HX-Request", "true").with(coordinator())).andExpect(status().isOk()));

        RenderedPage.Node row = form.byId("outcome-" + VISIT);
        assertThat(row.first("legend").text()).isEqualTo("Outcome of the Month 6 visit of Håkansson, Björn");
        assertThat(row.first("form").attr("hx-post")).isEqualTo("/followups/" + VISIT + "/outcome");
        assertThat(row.all("input").stream().map(input -> input.attr("name")).distinct())
                .contains("painScore", "reliefPercent", "opioidMmePerDay", "functionScore.value", "painAverage",
                        "pegEnjoyment", "pegActivity", "sensationReturned",
                        "adverseEvents[0].onsetOn", "adverseEvents[0].description", "assessedOn", "idempotencyKey");
        assertThat(row.all("select")).extracting(select -> select.attr("name")).containsExactly(
                "functionScore.instrument", "satisfaction", "adverseEvents[0].type", "adverseEvents[0].severity",
                "adverseEvents[0].outcome");
        // every visible input has its label; ids carry the visit so several open forms never share one
        for (RenderedPage.Node input : row.find(e -> (e.elementNameMatches("input") || e.elementNameMatches("select")
                || e.elementNameMatches("textarea")) && !"hidden".equals(e.getAttributeValue("type")))) {
            assertThat(input.attr("id")).startsWith(PREFIX);
            assertThat(row.all("label", "for", input.attr("id"))).as(input.attr("name")).hasSize(1);
        }
        assertThat(form.byId(PREFIX + "painScore").has("autofocus")).isTrue();
        assertThat(form.byId(PREFIX + "idempotencyKey").attr("value")).hasSize(36);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_form_becomes_the_apis_outcome_report_and_is_recorded_once() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome"), any(), anyString(), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("painScore", 3, "reliefPercent", 70, "responder", true,
                        "waningRelief", false, "waningReasons", List.of()), null, null));

        mvc.perform(save().param("painScore", "3").param("reliefPercent", "70")
                .param("functionScore.instrument", "WOMAC").param("functionScore.value", "41.5")
                .param("opioidMmePerDay", "12.5").param("satisfaction", "4").param("sensationReturned", "false")
                .param("adverseEvents[0].type", "BRUISING").param("adverseEvents[0].severity", "MILD")
                .param("adverseEvents[0].serious", "false").param("adverseEvents[0].onsetOn", "2026-11-20")
                .param("adverseEvents[0].outcome", "RESOLVED").param("notes", "Walks to the shop again.")
                .param("assessedOn", "2026-11-25").with(coordinator()))
                .andExpect(status().isOk());

        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/followups/{id}/outcome"), body.capture(), eq("key-1"), eq(UUID.fromString(VISIT)));
        assertThat(body.getValue()).containsExactly(
                Map.entry("painScore", 3),
                Map.entry("reliefPercent", 70),
                Map.entry("functionScore", Map.of("instrument", "WOMAC", "value", new BigDecimal("41.5"))),
                Map.entry("opioidMmePerDay", new BigDecimal("12.5")),
                Map.entry("satisfaction", 4),
                Map.entry("sensationReturned", false),
                Map.entry("adverseEvents", List.of(bruising())),
                Map.entry("notes", "Walks to the shop again."),
                Map.entry("assessedOn", "2026-11-25"));
    }

    /** The API's NoticedAdverseEvent as the form sends it: no description typed, so none sent. */
    private static Map<String, Object> bruising() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "BRUISING");
        event.put("description", null);
        event.put("severity", "MILD");
        event.put("serious", false);
        event.put("onsetOn", "2026-11-20");
        event.put("outcome", "RESOLVED");
        return event;
    }

    @Test
    @SuppressWarnings("unchecked")
    void what_was_left_empty_is_left_out_and_no_adverse_event_is_invented() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome"), any(), anyString(), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("painScore", 2, "waningRelief", false), null, null));

        mvc.perform(save().param("painScore", "2").param("reliefPercent", "").param("functionScore.instrument", "")
                .param("sensationReturned", "").param("adverseEvents[0].type", "").param("notes", "  ")
                .with(coordinator())).andExpect(status().isOk());

        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(anyString(), body.capture(), anyString(), any(Object[].class));
        assertThat(body.getValue()).containsExactly(Map.entry("painScore", 2));
    }

    @Test
    void after_saving_the_row_says_documented_with_the_verdict_and_the_repeat_candidate() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome"), any(), anyString(), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("painScore", 6, "reliefPercent", 30, "responder", false,
                        "waningRelief", true, "waningReasons", List.of("RELIEF_BELOW_50_PERCENT", "PAIN_UP_2_FROM_BEST")),
                        null, null));

        RenderedPage answer = page(mvc.perform(save().param("painScore", "6").param("reliefPercent", "30")
                .with(coordinator())).andExpect(status().isOk()));

        RenderedPage.Node result = answer.byId("outcome-" + VISIT);
        assertThat(result.first("p", "role", "status").text()).isEqualTo("Documented. Pain 6/10. Relief 30 %. "
                + "Not a responder Waning relief (relief below 50 %, pain up 2 points or more from its best): "
                + "repeat-treatment candidate on the queue");
        assertThat(result.first("a").attr("href")).isEqualTo("/repeat-treatments");
        // the row's own cells and the page's live region change too (htmx out-of-band swaps)
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#actions-" + VISIT).text()).isEqualTo("Documented");
        assertThat(answer.byId("status-" + VISIT).text()).isEqualTo("Completed");
        assertThat(answer.byId("status-" + VISIT).attr("hx-swap-oob")).isEqualTo("true");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#worklist-announcement").text())
                .startsWith("Outcome documented for Håkansson, Björn. Pain 6/10.");
    }

    @Test
    void a_responder_is_named_so() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome"), any(), anyString(), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("painScore", 2, "responder", true, "waningRelief", false), null, null));

        RenderedPage answer = page(mvc.perform(save().param("painScore", "2").with(coordinator())).andExpect(status().isOk()));

        assertThat(answer.byId("outcome-" + VISIT).text()).isEqualTo("Documented. Pain 2/10. Responder");
    }

    @Test
    void the_apis_refusal_shows_beside_each_field_with_the_input_kept() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome"), any(), anyString(), any(Object[].class)))
                .thenThrow(new ApiProblem(422, Map.of("code", "validation", "title", "Invalid outcome",
                        "errors", List.of(Map.of("field", "painScore", "message", "must be less than or equal to 10"),
                                Map.of("field", "functionScore.value", "message", "WOMAC runs 0–96")))));

        RenderedPage form = page(mvc.perform(save().param("painScore", "11").param("functionScore.instrument", "WOMAC")
                .param("functionScore.value", "300").with(coordinator())).andExpect(status().isUnprocessableContent()));

        RenderedPage.Node pain = form.byId(PREFIX + "painScore");
        assertThat(pain.attr("value")).isEqualTo("11");
        assertThat(pain.attr("aria-invalid")).isEqualTo("true");
        assertThat(pain.attr("aria-describedby")).isEqualTo(PREFIX + "painScore-error");
        assertThat(form.byId(PREFIX + "painScore-error").text()).isEqualTo("must be less than or equal to 10");
        assertThat(form.byId(PREFIX + "functionScore-value-error").text()).isEqualTo("WOMAC runs 0–96");
        assertThat(form.byId(PREFIX + "functionScore-value").attr("value")).isEqualTo("300");
        assertThat(form.first("div", "data-problem-summary", "").first("h2").text()).isEqualTo("Invalid outcome");
        assertThat(form.first("div", "data-problem-summary", "").all("a")).extracting(link -> link.attr("href"))
                .containsExactly("#" + PREFIX + "painScore", "#" + PREFIX + "functionScore-value");
        // the same key goes back, so the corrected form still records once
        assertThat(form.byId(PREFIX + "idempotencyKey").attr("value")).isEqualTo("key-1");
    }

    @Test
    void text_in_a_number_field_is_a_field_error_and_never_reaches_the_api() throws Exception {
        RenderedPage form = page(mvc.perform(save().param("painScore", "seven").param("opioidMmePerDay", "1,5")
                .param("reliefPercent", "٣٠").param("adverseEvents[0].onsetOn", "yesterday").with(coordinator()))
                .andExpect(status().isUnprocessableContent()));

        assertThat(form.byId(PREFIX + "painScore-error").text()).isEqualTo("must be a whole number");
        assertThat(form.byId(PREFIX + "painScore").attr("value")).isEqualTo("seven");
        assertThat(form.byId(PREFIX + "opioidMmePerDay-error").text()).isEqualTo("must be a number (use a point for decimals)");
        assertThat(form.byId(PREFIX + "adverseEvents[0]-onsetOn-error").text()).isEqualTo("must be a date (YYYY-MM-DD)");
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void without_htmx_a_refused_outcome_is_the_whole_page_with_the_form_in_its_row() throws Exception {
        RenderedPage page = page(mvc.perform(post("/followups/{id}/outcome", VISIT).param("idempotencyKey", "key-1")
                .param("patient", "Jane Doe").param("label", "Month 3").param("painScore", "seven").with(coordinator()))
                .andExpect(status().isUnprocessableContent()));

        assertThat(page.first("main").first("h1").text()).isEqualTo("Document an outcome");
        assertThat(page.first("legend").text()).isEqualTo("Outcome of the Month 3 visit of Jane Doe");
        assertThat(page.byId(PREFIX + "painScore-error").text()).isEqualTo("must be a whole number");
        assertThat(page.first("div", "data-problem-summary", "").first("a").text())
                .isEqualTo("Pain score: must be a whole number");
        RenderedPage.Node form = page.first("main").first("form");
        assertThat(form.attr("action")).isEqualTo("/followups/" + VISIT + "/outcome");
        assertThat(form.all("button")).extracting(RenderedPage.Node::text)
                .containsExactly("Save outcome", "Cancel");
        assertThat(page.byId(PREFIX + "functionScore-instrument").all("option")).extracting(RenderedPage.Node::text)
                .containsExactly("None", "WOMAC (knee, 0–96)", "ODI, Oswestry (back, 0–100)",
                        "PROMIS physical function (T-score 10–90)", "PEG: pain, enjoyment, activity (mean, 0–10)");
        assertThat(page.byId(PREFIX + "satisfaction").all("option")).extracting(option -> option.attr("value"))
                .containsExactly("", "1", "2", "3", "4", "5");
    }

    @Test
    void a_hostile_index_binds_nothing_and_a_visit_already_documented_is_explained() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome"), any(), anyString(), any(Object[].class)))
                .thenThrow(new ApiProblem(409, Map.of("code", "outcome-already-recorded", "title", "Outcome already recorded",
                        "detail", "This visit's outcome is already recorded; it is not overwritten.")));

        RenderedPage form = page(mvc.perform(save().param("painScore", "4").param("adverseEvents[99999].type", "BRUISING")
                .param("notes", "x".repeat(100_000)).with(coordinator())).andExpect(status().isConflict()));

        assertThat(form.first("div", "data-problem-summary", "").text())
                .isEqualTo("Outcome already recorded This visit's outcome is already recorded; it is not overwritten.");
    }

    @Test
    void only_coordinators_document_outcomes() throws Exception {
        mvc.perform(save().param("painScore", "4").with(proceduralist())).andExpect(status().isForbidden());
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }
}
