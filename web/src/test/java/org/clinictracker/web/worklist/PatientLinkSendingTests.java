package org.clinictracker.web.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.worklist.WorklistPageTests.VISIT;
import static org.clinictracker.web.worklist.WorklistPageTests.page;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** "E-mail the questions" and "Questions on a tablet" in a worklist row, against the API of issue 12 (common12 §1). */
@SpringBootTest
@AutoConfigureMockMvc
class PatientLinkSendingTests {

    static final String TOKEN = "q7Zk3xV9mB2nR8tY4wE6uI1oP5aS0dF3gH7jK2lZ9cX";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    private static MockHttpServletRequestBuilder send(String how) {
        return post("/followups/{id}/patient-link/{how}", VISIT, how).param("patient", "Hannah Berger")
                .param("label", "Month 3");
    }

    private static Map<String, Object> linkStatus(String delivery, String state) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("visitId", VISIT);
        link.put("delivery", delivery);
        link.put("state", state);
        link.put("issuedAt", "2026-12-03T09:14:00Z");
        link.put("issuedBy", "coordinator1");
        link.put("expiresAt", "2026-12-11T00:00:00Z");
        link.put("sentAt", "EMAIL".equals(delivery) ? "2026-12-03T09:14:02Z" : null);
        link.put("sentTo", "EMAIL".equals(delivery) ? "h•••@example.org" : null);
        link.put("openedAt", null);
        link.put("answeredAt", null);
        link.put("link", "IN_CLINIC".equals(delivery) ? "http://localhost:8080/answer?token=" + TOKEN : null);
        return link;
    }

    private void theApiIssues(Map<String, Object> link) {
        when(api.post(eq("/api/followups/{id}/patient-link"), any(), eq(null), any(Object[].class)))
                .thenReturn(new ApiAnswer(link, null, "/api/followups/" + VISIT + "/patient-link"));
    }

    private void theApiRefuses(int status, String code) {
        when(api.post(eq("/api/followups/{id}/patient-link"), any(), eq(null), any(Object[].class)))
                .thenThrow(new ApiProblem(status, Map.of("code", code, "title", "Refused", "detail", "The API's words")));
    }

    @Test
    void e_mailing_the_questions_asks_the_api_to_send_and_the_row_shows_the_link_sent() throws Exception {
        theApiIssues(linkStatus("EMAIL", "SENT"));

        RenderedPage answer = page(mvc.perform(send("email").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isOk()));

        verify(api).post(eq("/api/followups/{id}/patient-link"), eq(Map.of("delivery", "EMAIL")), eq(null),
                eq(UUID.fromString(VISIT)));
        assertThat(answer.byId("outcome-" + VISIT).first("p", "role", "status").text())
                .isEqualTo("Questions e-mailed to h•••@example.org. The link works once, until the end of 10 Dec.");
        // the row's state changes in place (htmx out-of-band), and the live region says what happened
        RenderedPage.Node state = answer.byId("link-" + VISIT);
        assertThat(state.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(state.text()).isEqualTo("Questions e-mailed 3 Dec");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#worklist-announcement").text())
                .isEqualTo("Questions e-mailed to Hannah Berger.");
    }

    @Test
    void without_javascript_the_worklist_comes_back_with_the_new_state() throws Exception {
        theApiIssues(linkStatus("EMAIL", "SENT"));

        mvc.perform(send("email").with(coordinator())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/worklist"));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource(delimiter = '|', value = {
            "422 | no-email-on-file     | 422 | No e-mail address is on file for this patient.",
            "409 | email-not-configured | 409 | The clinic has no mail server set up, so nothing can be e-mailed.",
            "409 | visit-not-open       | 409 | The visit's window has not started yet",
            "409 | visit-missed         | 409 | This visit's window has passed: reschedule it",
            "409 | outcome-already-recorded | 409 | This visit's outcome is already recorded",
            // htmx swaps no 5xx answer in (the layout's responseHandling): the words come with 200
            "503 | message-not-sent     | 200 | The e-mail could not be sent" })
    void a_refusal_is_said_in_words_under_the_row(int apiStatus, String code, int pageStatus, String words)
            throws Exception {
        theApiRefuses(apiStatus, code);

        RenderedPage answer = page(mvc.perform(send("email").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().is(pageStatus)));

        RenderedPage.Node refusal = answer.byId("outcome-" + VISIT).first("div", "role", "alert");
        assertThat(refusal.text()).startsWith("The questions were not sent. " + words);
        assertThat(answer.maybeById("link-" + VISIT).map(RenderedPage.Node::text))
                .isEqualTo("message-not-sent".equals(code)
                        ? java.util.Optional.of("E-mail could not be sent") : java.util.Optional.empty());
    }

    @Test
    void a_refusal_of_an_unknown_kind_says_what_the_api_said() throws Exception {
        theApiRefuses(404, "not-found");

        RenderedPage answer = page(mvc.perform(send("email").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isNotFound()));

        assertThat(answer.byId("outcome-" + VISIT).text()).isEqualTo("The questions were not sent. The API's words");
    }

    @Test
    void without_javascript_a_refusal_is_a_page_of_its_own() throws Exception {
        theApiRefuses(422, "no-email-on-file");

        RenderedPage page = page(mvc.perform(send("email").with(coordinator())).andExpect(status().isUnprocessableContent()));

        assertThat(page.first("main").first("h1").text()).isEqualTo("The questions were not sent");
        assertThat(page.first("main").text()).contains("No e-mail address is on file for this patient.");
    }

    @Test
    void the_tablet_shows_the_link_once_with_its_warning_and_no_browser_keeps_the_page() throws Exception {
        theApiIssues(linkStatus("IN_CLINIC", "ISSUED"));

        RenderedPage page = page(mvc.perform(send("tablet").with(coordinator())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")));

        verify(api).post(eq("/api/followups/{id}/patient-link"), eq(Map.of("delivery", "IN_CLINIC")), eq(null),
                eq(UUID.fromString(VISIT)));
        RenderedPage.Node main = page.first("main");
        assertThat(main.first("h1").text()).isEqualTo("Questions on a tablet");
        assertThat(main.first("p").text()).isEqualTo("The Month 3 visit of Hannah Berger.");
        assertThat(main.first("section", "role", "alert").first("h2").text())
                .isEqualTo("This link is a key to this patient's questions");
        assertThat(main.first("section", "role", "alert").text()).contains("It works once, until the end of 10 Dec,");
        assertThat(main.first("p", "class", "patient-link").text())
                .isEqualTo("http://localhost:8080/answer?token=" + TOKEN);
        assertThat(main.first("a", "class", "button").text()).isEqualTo("Open on this device");
        assertThat(main.first("a", "class", "button").attr("href")).isEqualTo("http://localhost:8080/answer?token=" + TOKEN);
    }

    @Test
    void with_htmx_the_tablet_replaces_the_worklist_and_a_refusal_goes_under_the_row() throws Exception {
        theApiIssues(linkStatus("IN_CLINIC", "ISSUED"));
        RenderedPage page = page(mvc.perform(send("tablet").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store")));
        assertThat(page.byId("main").first("h1").text()).isEqualTo("Questions on a tablet");

        theApiRefuses(409, "visit-not-open");
        RenderedPage refused = page(mvc.perform(send("tablet").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isConflict())
                .andExpect(header().string("HX-Retarget", "#outcome-" + VISIT))
                .andExpect(header().string("HX-Reswap", "outerHTML")));
        assertThat(refused.byId("outcome-" + VISIT).text()).startsWith("The questions were not sent. "
                + "The visit's window has not started yet");
        assertThat(refused.text()).doesNotContain("token=");
    }

    @Test
    void only_coordinators_send_the_questions() throws Exception {
        for (String how : new String[] { "email", "tablet" }) {
            mvc.perform(send(how).with(frontDesk())).andExpect(status().isForbidden());
            mvc.perform(send(how).with(proceduralist())).andExpect(status().isForbidden());
        }
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }
}
