package org.clinictracker.web.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.worklist.WorklistPageTests.PATIENT;
import static org.clinictracker.web.worklist.WorklistPageTests.VISIT;
import static org.clinictracker.web.worklist.WorklistPageTests.page;
import static org.clinictracker.web.worklist.WorklistPageTests.visit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** "Answered by patients": the answers to review, "Looks right" and "Correct" (common12 §5, §6). */
@SpringBootTest
@AutoConfigureMockMvc
class PatientAnswersReviewTests {

    static final String PREFIX = "a-" + VISIT + "-";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    /** Hannah's answers as followup-service records them: PEG complete, two side effects, one serious. */
    static Map<String, Object> answers(int version) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("visitId", VISIT);
        outcome.put("assessedOn", "2026-12-04");
        outcome.put("painScore", 4);
        outcome.put("reliefPercent", 60);
        outcome.put("functionScore", Map.of("instrument", "PEG", "value", 5.0));
        outcome.put("opioidMmePerDay", null);
        outcome.put("satisfaction", 4);
        outcome.put("sensationReturned", false);
        outcome.put("adverseEvents", List.of(
                sideEffect("SORENESS", "MODERATE", false, "RESOLVED", "2026-12-04"),
                sideEffect("MOTOR_WEAKNESS", "SEVERE", true, "ONGOING", null)));
        outcome.put("notes", "Much better on walks.\nThe knee still aches at night.");
        outcome.put("responder", true);
        outcome.put("waningRelief", false);
        outcome.put("waningReasons", List.of());
        outcome.put("recordedBy", "patient");
        outcome.put("reportedBy", "PATIENT");
        outcome.put("painAverage", 5);
        outcome.put("pegEnjoyment", 6);
        outcome.put("pegActivity", 4);
        outcome.put("version", version);
        outcome.put("reviewedBy", null);
        outcome.put("reviewedAt", null);
        return outcome;
    }

    private static Map<String, Object> sideEffect(String type, String severity, boolean serious, String course,
            String resolvedOn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("description", null);
        event.put("severity", severity);
        event.put("serious", serious);
        event.put("onsetOn", "2026-12-04");
        event.put("outcome", course);
        event.put("resolvedOn", resolvedOn);
        event.put("notes", "Reported by the patient through the follow-up link; to be confirmed by the clinic.");
        return event;
    }

    private void theTabLists(Map<String, Object> outcome) {
        Map<String, Object> visit = visit(VISIT, PATIENT, "Berger, Hannah", "CT-000021-1");
        visit.put("status", "COMPLETED");
        visit.put("patientLink", Map.of("state", "ANSWERED", "answeredAt", "2026-12-04T18:41:00Z",
                "expiresAt", "2026-12-11T00:00:00Z"));
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(WorklistPageTests.page(List.of(visit)));
        if (outcome != null) {
            when(api.get(eq("/api/followups/{id}/outcome"), any(Object[].class))).thenReturn(outcome);
        } else {
            when(api.get(eq("/api/followups/{id}/outcome"), any(Object[].class)))
                    .thenThrow(new ApiProblem(503, Map.of()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_tab_lists_the_answers_waiting_for_review_with_the_serious_side_effect_marked() throws Exception {
        theTabLists(answers(1));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "answered").with(coordinator()))
                .andExpect(status().isOk()));

        ArgumentCaptor<Map<String, Object>> query = ArgumentCaptor.forClass(Map.class);
        verify(api).get(eq("/api/followups"), query.capture());
        assertThat(query.getValue()).containsEntry("view", "PATIENT_ANSWERED");
        verify(api).get("/api/followups/{id}/outcome", VISIT);
        assertThat(page.first("nav", "aria-label", "Worklist views").first("a", "aria-current", "page").text())
                .isEqualTo("Answered by patients");

        RenderedPage.Node answers = page.byId("answers-" + VISIT);
        assertThat(answers.first("p").text()).isEqualTo("Reported by the patient on 2026-12-04");
        assertThat(answers.first("dl").all("div")).extracting(RenderedPage.Node::text).containsExactly(
                "Pain now 4/10",
                "PEG score 5.0 (average pain 5, enjoyment of life 6, general activity 4)",
                "Relief 60 %",
                "Satisfaction 4 of 5",
                "Feeling returned No",
                "Side effects Soreness (moderate, resolved) Motor weakness (severe, ongoing) Serious: needed medical care",
                "Comments Much better on walks. The knee still aches at night.");
        assertThat(answers.all("span", "class", "badge badge-error")).extracting(RenderedPage.Node::text)
                .containsExactly("Serious: needed medical care");
        assertThat(page.byId("verdict-" + VISIT).text()).isEqualTo("Pain 4/10. Relief 60 %. Responder");
        assertThat(page.byId("link-" + VISIT).text()).isEqualTo("Answered by the patient 4 Dec");

        RenderedPage.Node actions = page.byId("actions-" + VISIT);
        RenderedPage.Node review = actions.first("form");
        assertThat(review.attr("hx-post")).isEqualTo("/followups/" + VISIT + "/outcome/review");
        assertThat(review.attr("hx-target")).isEqualTo("#outcome-" + VISIT);
        assertThat(review.first("button").text()).isEqualTo("Looks right");
        RenderedPage.Node correct = actions.first("a");
        assertThat(correct.text()).isEqualTo("Correct");
        assertThat(correct.attr("href")).isEqualTo("/followups/" + VISIT
                + "/outcome/amend?patient=Berger,%20Hannah&label=Month%206");
        assertThat(correct.attr("hx-get")).isEqualTo(correct.attr("href"));
    }

    @Test
    void answers_that_cannot_be_read_are_said_so_and_offer_no_review() throws Exception {
        theTabLists(null);

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "answered").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.byId("answers-" + VISIT).text()).startsWith("The answers could not be read just now.");
        assertThat(page.maybeById("actions-" + VISIT)).isEmpty();
    }

    @Test
    void nothing_to_review_is_said_so() throws Exception {
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(WorklistPageTests.page(List.of()));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "answered").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.first("p", "class", "panel").text()).isEqualTo("No patient's answers are waiting for review.");
    }

    @Test
    void looks_right_marks_the_answers_reviewed() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome/review"), any(), eq(null), any(Object[].class)))
                .thenReturn(new ApiAnswer(answers(1), null, null));

        RenderedPage answer = page(mvc.perform(post("/followups/{id}/outcome/review", VISIT)
                .param("patient", "Berger, Hannah").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isOk()));

        verify(api).post(eq("/api/followups/{id}/outcome/review"), eq(Map.of()), eq(null), eq(UUID.fromString(VISIT)));
        assertThat(answer.byId("outcome-" + VISIT).text()).isEqualTo("Reviewed: the patient's answers stand as they are.");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#actions-" + VISIT).text()).isEqualTo("Reviewed");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#worklist-announcement").text())
                .isEqualTo("Answers reviewed for Berger, Hannah.");

        mvc.perform(post("/followups/{id}/outcome/review", VISIT).with(coordinator()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/worklist?tab=answered"));
    }

    @Test
    void a_review_the_api_refuses_is_said_under_the_row() throws Exception {
        when(api.post(eq("/api/followups/{id}/outcome/review"), any(), eq(null), any(Object[].class)))
                .thenThrow(new ApiProblem(409, Map.of("code", "outcome-already-reviewed", "title", "Already reviewed",
                        "detail", "coordinator2 reviewed these answers at 10:02.")));

        RenderedPage answer = page(mvc.perform(post("/followups/{id}/outcome/review", VISIT)
                .header("HX-Request", "true").with(coordinator())).andExpect(status().isConflict()));

        assertThat(answer.byId("outcome-" + VISIT).first("div", "role", "alert").text())
                .isEqualTo("Already reviewed coordinator2 reviewed these answers at 10:02.");
    }

    private void theOutcomeReads(Map<String, Object> outcome, String etag) {
        when(api.getForUpdate(eq("/api/followups/{id}/outcome"), any(Object[].class)))
                .thenReturn(new ApiAnswer(outcome, etag, null));
    }

    @Test
    void correct_opens_the_outcome_form_filled_with_the_patients_answers() throws Exception {
        theOutcomeReads(answers(1), "\"1\"");

        RenderedPage form = page(mvc.perform(get("/followups/{id}/outcome/amend", VISIT)
                .param("patient", "Berger, Hannah").param("label", "Month 6").header("HX-Request", "true")
                .with(coordinator())).andExpect(status().isOk()));

        RenderedPage.Node row = form.byId("outcome-" + VISIT);
        assertThat(row.first("form").attr("hx-post")).isEqualTo("/followups/" + VISIT + "/outcome/amend");
        assertThat(form.byId(PREFIX + "etag").attr("value")).isEqualTo("\"1\"");
        assertThat(form.byId(PREFIX + "amendmentReason").attr("value")).isEmpty();
        assertThat(row.first("label", "for", PREFIX + "amendmentReason").text()).startsWith("Why is it corrected?");
        assertThat(form.byId(PREFIX + "painScore").attr("value")).isEqualTo("4");
        assertThat(form.byId(PREFIX + "reliefPercent").attr("value")).isEqualTo("60");
        // the PEG score is worked out again from its items, so a corrected item changes it
        assertThat(form.byId(PREFIX + "functionScore-instrument").find(e -> e.hasAttribute("selected")
                && !"".equals(e.getAttributeValue("value")))).isEmpty();
        assertThat(form.byId(PREFIX + "functionScore-value").attr("value")).isEmpty();
        assertThat(form.byId(PREFIX + "painAverage").attr("value")).isEqualTo("5");
        assertThat(form.byId(PREFIX + "pegEnjoyment").attr("value")).isEqualTo("6");
        assertThat(form.byId(PREFIX + "pegActivity").attr("value")).isEqualTo("4");
        assertThat(form.byId(PREFIX + "satisfaction").first("option", "selected", "selected").attr("value"))
                .isEqualTo("4");
        assertThat(form.byId(PREFIX + "sensationReturned-no").has("checked")).isTrue();
        assertThat(form.byId(PREFIX + "notes").text()).isEqualTo("Much better on walks. The knee still aches at night.");
        assertThat(form.byId(PREFIX + "assessedOn").attr("value")).isEqualTo("2026-12-04");
        // the side effects on record stay as they are (the API adds, never withdraws): the form's one is a new one
        assertThat(form.byId(PREFIX + "adverseEvents[0]-type").find(e -> e.hasAttribute("selected")
                && !"".equals(e.getAttributeValue("value")))).isEmpty();
        assertThat(form.maybeById(PREFIX + "adverseEvents[1]-type")).isEmpty();
        assertThat(row.text()).contains("Side effects already on record stay as they are");
        // every visible input has its label
        for (RenderedPage.Node input : row.find(e -> (e.elementNameMatches("input") || e.elementNameMatches("select")
                || e.elementNameMatches("textarea")) && !"hidden".equals(e.getAttributeValue("type")))) {
            assertThat(input.attr("id")).startsWith(PREFIX);
            assertThat(row.all("label", "for", input.attr("id"))).as(input.attr("name")).hasSize(1);
        }
    }

    private static MockHttpServletRequestBuilder saveCorrection(String reason) {
        return post("/followups/{id}/outcome/amend", VISIT).header("HX-Request", "true")
                .param("patient", "Berger, Hannah").param("label", "Month 6").param("etag", "\"1\"")
                .param("amendmentReason", reason)
                .param("painScore", "3").param("reliefPercent", "60").param("functionScore.instrument", "")
                .param("functionScore.value", "").param("painAverage", "5").param("pegEnjoyment", "6")
                .param("pegActivity", "4").param("satisfaction", "4").param("sensationReturned", "false")
                .param("adverseEvents[0].type", "SWELLING").param("adverseEvents[0].severity", "MILD")
                .param("adverseEvents[0].serious", "false").param("adverseEvents[0].onsetOn", "2026-12-04")
                .param("adverseEvents[0].outcome", "RESOLVING").param("notes", "Confirmed on the phone.")
                .param("assessedOn", "2026-12-04");
    }

    @Test
    @SuppressWarnings("unchecked")
    void saving_the_correction_amends_the_version_read_with_the_reason() throws Exception {
        Map<String, Object> amended = answers(2);
        amended.put("painScore", 3);
        when(api.put(eq("/api/followups/{id}/outcome"), anyString(), any(), any(Object[].class)))
                .thenReturn(new ApiAnswer(amended, "\"2\"", null));

        RenderedPage answer = page(mvc.perform(saveCorrection("Patient meant 3: confirmed by phone").with(coordinator()))
                .andExpect(status().isOk()));

        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).put(eq("/api/followups/{id}/outcome"), eq("\"1\""), body.capture(), eq(UUID.fromString(VISIT)));
        Map<String, Object> swelling = new LinkedHashMap<>();
        swelling.put("type", "SWELLING");
        swelling.put("description", null);
        swelling.put("severity", "MILD");
        swelling.put("serious", false);
        swelling.put("onsetOn", "2026-12-04");
        swelling.put("outcome", "RESOLVING");
        assertThat(body.getValue()).containsExactly(
                Map.entry("painScore", 3),
                Map.entry("reliefPercent", 60),
                Map.entry("painAverage", 5),
                Map.entry("pegEnjoyment", 6),
                Map.entry("pegActivity", 4),
                Map.entry("satisfaction", 4),
                Map.entry("sensationReturned", false),
                Map.entry("adverseEvents", List.of(swelling)),
                Map.entry("notes", "Confirmed on the phone."),
                Map.entry("assessedOn", "2026-12-04"),
                Map.entry("amendmentReason", "Patient meant 3: confirmed by phone"));

        assertThat(answer.byId("outcome-" + VISIT).first("p", "role", "status").text())
                .isEqualTo("Corrected. Pain 3/10. Relief 60 %. Responder");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#answers-" + VISIT).text())
                .contains("Reported by the patient on 2026-12-04 (corrected)").contains("Pain now 3/10");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#actions-" + VISIT).text()).isEqualTo("Corrected");
    }

    @Test
    void a_correction_without_a_reason_is_refused_before_any_call_with_the_input_kept() throws Exception {
        RenderedPage form = page(mvc.perform(saveCorrection("   ").with(coordinator()))
                .andExpect(status().isUnprocessableContent()));

        assertThat(form.byId(PREFIX + "amendmentReason-error").text())
                .isEqualTo("say why the answers are corrected (it is kept with the earlier version)");
        assertThat(form.byId(PREFIX + "amendmentReason").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.first("div", "data-problem-summary", "").first("a").text())
                .isEqualTo("Why: say why the answers are corrected (it is kept with the earlier version)");
        assertThat(form.byId(PREFIX + "painScore").attr("value")).isEqualTo("3");
        assertThat(form.byId(PREFIX + "etag").attr("value")).isEqualTo("\"1\"");
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void text_in_a_number_field_of_a_correction_never_reaches_the_api() throws Exception {
        RenderedPage form = page(mvc.perform(post("/followups/{id}/outcome/amend", VISIT).header("HX-Request", "true")
                .param("etag", "\"1\"").param("amendmentReason", "Patient meant 3").param("painScore", "3")
                .param("pegActivity", "four").with(coordinator())).andExpect(status().isUnprocessableContent()));

        assertThat(form.byId(PREFIX + "pegActivity-error").text()).isEqualTo("must be a whole number");
        assertThat(form.byId(PREFIX + "pegActivity").attr("value")).isEqualTo("four");
        assertThat(form.maybeById(PREFIX + "amendmentReason-error")).isEmpty();
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void a_correction_of_an_outcome_changed_meanwhile_shows_what_is_recorded_now_and_keeps_the_input() throws Exception {
        when(api.put(eq("/api/followups/{id}/outcome"), anyString(), any(), any(Object[].class)))
                .thenThrow(new ApiProblem(412, Map.of("code", "stale-version", "title", "Changed meanwhile")));
        Map<String, Object> now = answers(2);
        now.put("painScore", 6);
        now.put("reviewedBy", "coordinator2");
        theOutcomeReads(now, "\"2\"");

        RenderedPage form = page(mvc.perform(saveCorrection("Patient meant 3").with(coordinator()))
                .andExpect(status().isPreconditionFailed()));

        RenderedPage.Node stale = form.first("section", "data-stale-edit", "");
        assertThat(stale.first("h2").text()).isEqualTo("Someone else changed this outcome while you were correcting it");
        assertThat(stale.first("div", "class", "answers").text())
                .contains("(corrected by coordinator2)").contains("Pain now 6/10");
        // the coordinator's input stays; saving again goes over the version just shown
        assertThat(form.byId(PREFIX + "painScore").attr("value")).isEqualTo("3");
        assertThat(form.byId(PREFIX + "amendmentReason").attr("value")).isEqualTo("Patient meant 3");
        assertThat(form.byId(PREFIX + "etag").attr("value")).isEqualTo("\"2\"");
    }

    @Test
    void the_apis_field_messages_show_beside_the_fields() throws Exception {
        when(api.put(eq("/api/followups/{id}/outcome"), anyString(), any(), any(Object[].class)))
                .thenThrow(new ApiProblem(422, Map.of("code", "validation", "title", "Invalid outcome",
                        "errors", List.of(Map.of("field", "pegActivity", "message", "must be less than or equal to 10")))));

        RenderedPage form = page(mvc.perform(saveCorrection("Patient meant 3").with(coordinator()))
                .andExpect(status().isUnprocessableContent()));

        assertThat(form.byId(PREFIX + "pegActivity-error").text()).isEqualTo("must be less than or equal to 10");
        assertThat(form.first("div", "data-problem-summary", "").first("a").text())
                .isEqualTo("General activity (PEG): must be less than or equal to 10");
    }

    @Test
    void without_javascript_the_correction_is_a_page_of_its_own() throws Exception {
        theOutcomeReads(answers(1), null); // no ETag header: the outcome's version is the tag

        RenderedPage page = page(mvc.perform(get("/followups/{id}/outcome/amend", VISIT)
                .param("patient", "Berger, Hannah").param("label", "Month 6").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.first("main").first("h1").text()).isEqualTo("Correct an outcome");
        assertThat(page.first("legend").text()).isEqualTo("Outcome of the Month 6 visit of Berger, Hannah");
        assertThat(page.byId(PREFIX + "etag").attr("value")).isEqualTo("\"1\"");
    }

    @Test
    void only_coordinators_review_and_correct() throws Exception {
        for (var user : List.of(frontDesk(), proceduralist())) {
            mvc.perform(post("/followups/{id}/outcome/review", VISIT).with(user)).andExpect(status().isForbidden());
            mvc.perform(get("/followups/{id}/outcome/amend", VISIT).with(user)).andExpect(status().isForbidden());
            mvc.perform(saveCorrection("x").with(user)).andExpect(status().isForbidden());
        }
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }
}
