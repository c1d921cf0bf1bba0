package org.clinictracker.web.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class WorklistPageTests {

    static final String VISIT = "83b546c2-e0ff-43cc-a5d8-a5bd287b81f1";
    static final String PATIENT = "65c6fb38-11d2-47d3-afc7-55cc7661098b";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    static Map<String, Object> visit(String id, String patientId, String name, String mrn) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("id", id);
        visit.put("patientId", patientId);
        visit.put("procedureId", "05f674de-a141-47b5-8f31-d0e636e053b3");
        visit.put("label", "MONTH_6");
        visit.put("dueOn", "2026-07-29");
        visit.put("windowStart", "2026-07-15");
        visit.put("windowEnd", "2026-08-12");
        visit.put("status", "OVERDUE");
        visit.put("modality", "CRYONEUROLYSIS");
        visit.put("kind", "PROTOCOL");
        visit.put("treatmentNumber", 1);
        visit.put("rescheduledCount", 0);
        visit.put("patientLostToFollowUp", false);
        if (name != null) { // the API leaves out what it does not know
            visit.put("displayName", name);
            visit.put("mrn", mrn);
        }
        return visit;
    }

    static Map<String, Object> page(List<Map<String, Object>> rows) {
        return Map.of("content", rows, "page", Map.of("size", 20, "number", 0, "totalElements", rows.size(),
                "totalPages", 1));
    }

    static RenderedPage page(ResultActions result) throws Exception {
        return RenderedPage.of(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> query(String path) {
        ArgumentCaptor<Map<String, Object>> query = ArgumentCaptor.forClass(Map.class);
        verify(api).get(eq(path), query.capture());
        return query.getValue();
    }

    @ParameterizedTest
    @CsvSource({ "today, TODAY", "week, THIS_WEEK", "overdue, OVERDUE", "missed, MISSED" })
    void each_tab_asks_for_its_cut_of_the_visits_twenty_at_a_time(String tab, String view) throws Exception {
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of()));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", tab).with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.first("nav", "aria-label", "Worklist views").all("a", "aria-current", "page"))
                .extracting(link -> link.attr("href")).containsExactly("/worklist?tab=" + tab);

        assertThat(query("/api/followups")).containsEntry("view", view).containsEntry("page", 0)
                .containsEntry("size", 20).containsEntry("assignee", null);
    }

    @Test
    void a_patients_open_visits_are_every_open_and_missed_visit_of_that_patient() throws Exception {
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of()));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "open").param("patientId", PATIENT)
                .with(coordinator())).andExpect(status().isOk()));

        assertThat(query("/api/followups")).containsEntry("view", null)
                .containsEntry("patientId", java.util.UUID.fromString(PATIENT));
        // the other tabs keep the patient; the relief list is everyone's
        assertThat(page.first("nav", "aria-label", "Worklist views").all("a")).extracting(link -> link.attr("href"))
                .contains("/worklist?tab=overdue&patientId=" + PATIENT, "/worklist?tab=relief-ending");
        assertThat(page.text()).contains("Only one patient's visits.");
    }

    @Test
    void only_mine_asks_for_the_visits_assigned_to_the_signed_in_coordinator() throws Exception {
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of()));

        mvc.perform(get("/worklist").param("tab", "overdue").param("mine", "true").param("page", "2").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No visits here assigned to you.")));

        assertThat(query("/api/followups")).containsEntry("view", "OVERDUE").containsEntry("assignee", "coordinator1")
                .containsEntry("page", 2);
    }

    @Test
    void the_pager_keeps_what_the_list_is_narrowed_to_and_the_first_page_is_the_list_itself() throws Exception {
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(Map.of("content", List.of(),
                "page", Map.of("size", 20, "number", 1, "totalElements", 45, "totalPages", 3)));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "overdue").param("mine", "true")
                .param("page", "1").with(coordinator())).andExpect(status().isOk()));

        RenderedPage.Node pager = page.first("nav", "aria-label", "Pages of the worklist");
        assertThat(pager.text()).isEqualTo("Previous page Page 2 of 3 Next page");
        assertThat(pager.all("a")).extracting(link -> link.attr("href"))
                .containsExactly("/worklist?tab=overdue&mine=true", "/worklist?tab=overdue&mine=true&page=2");
    }

    @Test
    void expected_end_of_relief_lists_the_responders_of_the_next_month() throws Exception {
        Map<String, Object> responder = new LinkedHashMap<>();
        responder.put("patientId", PATIENT);
        responder.put("displayName", "Håkansson, Björn");
        responder.put("mrn", "CT-000013-3");
        responder.put("modality", "CRYONEUROLYSIS");
        responder.put("targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "LEFT")));
        responder.put("performedOn", "2026-03-02");
        responder.put("treatmentNumber", 1);
        responder.put("responderSince", "2026-03-16");
        responder.put("expectedReliefEnd", Map.of("likely", "2026-12-01", "earliest", "2026-06-01",
                "latest", "2027-03-01", "basis", "PUBLISHED_RANGE"));
        when(api.get(eq("/api/followups/relief-ending"), anyMap())).thenReturn(page(List.of(responder)));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "relief-ending").with(coordinator()))
                .andExpect(status().isOk()));

        RenderedPage.Node row = page.first("tbody").first("tr");
        assertThat(row.first("th").text()).isEqualTo("Håkansson, Björn MRN CT-000013-3");
        assertThat(row.all("td").get(0).text()).isEqualTo("Cryoneurolysis Superomedial genicular (left)");
        assertThat(row.all("td").get(3).text()).isEqualTo("2026-12-01 (between 2026-06-01 and 2027-03-01)");
        assertThat(row.all("td").get(4).text()).isEqualTo("published range");

        assertThat(query("/api/followups/relief-ending")).containsEntry("withinDays", 30).containsEntry("size", 20);
    }

    @Test
    void a_row_shows_the_patient_the_visit_and_a_button_to_document_its_outcome() throws Exception {
        when(api.get(eq("/api/followups"), anyMap()))
                .thenReturn(page(List.of(visit(VISIT, PATIENT, "Håkansson, Björn", "CT-000013-3"))));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "overdue").with(coordinator()))
                .andExpect(status().isOk()));

        RenderedPage.Node row = page.byId("visit-" + VISIT).first("tr");
        assertThat(row.first("th").text()).isEqualTo("Håkansson, Björn MRN CT-000013-3");
        assertThat(row.all("td")).extracting(RenderedPage.Node::text).startsWith("Month 6 Cryoneurolysis",
                "2026-07-29 window 2026-07-15 to 2026-08-12", "Overdue");
        assertThat(page.byId("due-" + VISIT).text()).isEqualTo("2026-07-29");
        assertThat(page.byId("status-" + VISIT).text()).isEqualTo("Overdue");
        assertThat(page.byId("assignee-" + VISIT).first("span").text()).isEqualTo("Nobody yet");
        assertThat(page.byId("actions-" + VISIT).all("button")).extracting(RenderedPage.Node::text)
                .containsExactly("Document outcome", "Reschedule", "Questions on a tablet");
        RenderedPage.Node document = page.byId("actions-" + VISIT).first("button");
        assertThat(document.text()).isEqualTo("Document outcome");
        assertThat(document.attr("hx-target")).isEqualTo("#outcome-" + VISIT);
        assertThat(document.attr("hx-get")).isEqualTo("/followups/" + VISIT
                + "/outcome?patient=H%C3%A5kansson,%20Bj%C3%B6rn&label=Month%206");
        assertThat(page.maybeById("outcome-" + VISIT)).isPresent();
        assertThat(page.first("table").first("caption").text()).isEqualTo("Overdue: 1 visit, most urgent first");
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "SENT        | sentAt     | 2026-12-03T09:14:00Z | Questions e-mailed 3 Dec  | badge",
            "OPENED      | openedAt   | 2026-12-04T18:30:00Z | Opened 4 Dec              | badge",
            "ANSWERED    | answeredAt | 2026-12-04T18:41:00Z | Answered by the patient 4 Dec | badge badge-ok",
            "SEND_FAILED | -          | -                    | E-mail could not be sent  | badge badge-error",
            // the link works to the end of the visit's last day: expiring at midnight, it expired on the 10th
            "EXPIRED     | expiresAt  | 2025-12-11T00:00:00Z | Link expired 10 Dec       | badge badge-warn",
            // withdrawn before its expiry (replaced, or the clinic documented the visit)
            "EXPIRED     | expiresAt  | 2099-12-11T00:00:00Z | Link withdrawn            | badge badge-warn",
            "ISSUED      | -          | -                    | Questions ready on a tablet | badge" })
    void a_row_says_where_the_patients_link_stands(String state, String when, String at, String words, String look)
            throws Exception {
        Map<String, Object> visit = visit(VISIT, PATIENT, "Berger, Hannah", "CT-000021-1");
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("state", state);
        link.put("sentAt", "2026-12-03T09:14:00Z");
        link.put("openedAt", null);
        link.put("answeredAt", null);
        link.put("expiresAt", "2026-12-11T00:00:00Z");
        if (when != null) {
            link.put(when, at);
        }
        visit.put("patientLink", link);
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of(visit)));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "overdue").with(coordinator()))
                .andExpect(status().isOk()));

        RenderedPage.Node badge = page.byId("link-" + VISIT).first("span");
        assertThat(badge.text()).isEqualTo(words);
        assertThat(badge.attr("class")).isEqualTo(look);
    }

    @Test
    void a_row_without_a_link_says_nothing_about_one() throws Exception {
        when(api.get(eq("/api/followups"), anyMap()))
                .thenReturn(page(List.of(visit(VISIT, PATIENT, "Berger, Hannah", "CT-000021-1"))));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "overdue").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.byId("link-" + VISIT).text()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, e-mail on file: {1}")
    @CsvSource({
            "DUE, true, 'Document outcome, Reschedule, E-mail the questions, Questions on a tablet'",
            "OVERDUE, false, 'Document outcome, Reschedule, Questions on a tablet'",
            // the window has not started (the API would refuse), or has passed
            "SCHEDULED, true, 'Document outcome, Reschedule'",
            "MISSED, true, 'Document outcome, Reschedule'" })
    void the_questions_are_offered_once_the_window_has_started_and_by_e_mail_only_to_an_address_on_file(
            String status, boolean emailOnFile, String actions) throws Exception {
        Map<String, Object> visit = visit(VISIT, PATIENT, "Berger, Hannah", "CT-000021-1");
        visit.put("status", status);
        visit.put("emailOnFile", emailOnFile);
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of(visit)));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "open").with(coordinator()))
                .andExpect(status().isOk()));

        RenderedPage.Node row = page.byId("actions-" + VISIT);
        assertThat(row.all("button")).extracting(RenderedPage.Node::text)
                .containsExactly(actions.split(", "));
        if (emailOnFile && "DUE".equals(status)) {
            RenderedPage.Node email = row.all("form").get(0);
            assertThat(email.attr("method")).isEqualTo("post");
            assertThat(email.attr("action")).isEqualTo("/followups/" + VISIT + "/patient-link/email");
            assertThat(email.attr("hx-post")).isEqualTo("/followups/" + VISIT + "/patient-link/email");
            assertThat(email.attr("hx-target")).isEqualTo("#outcome-" + VISIT);
            RenderedPage.Node tablet = row.all("form").get(1);
            assertThat(tablet.attr("hx-post")).isEqualTo("/followups/" + VISIT + "/patient-link/tablet");
            assertThat(tablet.attr("hx-target")).isEqualTo("#main");
            assertThat(tablet.all("input")).extracting(input -> input.attr("name") + "=" + input.attr("value"))
                    .containsExactly("patient=Berger, Hannah", "label=Month 6");
        }
    }

    @Test
    void an_overdue_visit_past_its_last_day_offers_no_questions_the_api_would_refuse() throws Exception {
        Map<String, Object> visit = visit(VISIT, PATIENT, "Berger, Hannah", "CT-000021-1");
        visit.put("emailOnFile", true);
        visit.put("lastDay", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        Map<String, Object> open = visit("a2c9e0d1-0000-4000-8000-000000000002", PATIENT, "Berger, Hannah", "CT-000021-1");
        open.put("emailOnFile", true);
        open.put("lastDay", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of(visit, open)));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "overdue").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.byId("actions-" + VISIT).all("button")).extracting(RenderedPage.Node::text)
                .containsExactly("Document outcome", "Reschedule");
        assertThat(page.byId("actions-a2c9e0d1-0000-4000-8000-000000000002").all("button"))
                .extracting(RenderedPage.Node::text)
                .containsExactly("Document outcome", "Reschedule", "E-mail the questions", "Questions on a tablet");
    }

    @Test
    void a_patient_the_followups_do_not_know_yet_is_read_once_from_the_patients() throws Exception {
        String unknown = "d7c221d6-25c0-4eac-b9c1-80e96c536c94";
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(List.of(
                visit(VISIT, unknown, null, null),
                visit("a2c9e0d1-0000-4000-8000-000000000002", unknown, null, null))));
        when(api.get(eq("/api/patients/{id}"), any(Object[].class)))
                .thenReturn(Map.of("givenName", "Fatima", "familyName", "Al-Sayed", "mrn", "CT-000016-6"));

        RenderedPage page = page(mvc.perform(get("/worklist").param("tab", "today").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(page.byId("visit-" + VISIT).first("th").text()).isEqualTo("Fatima Al-Sayed MRN CT-000016-6");

        verify(api, times(1)).get(eq("/api/patients/{id}"), any(Object[].class));
    }

    @Test
    void take_assigns_the_visit_to_the_signed_in_coordinator() throws Exception {
        when(api.post(eq("/api/followups/{id}/assign"), any(), eq(null), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("id", VISIT, "assignee", "coordinator1"), "\"3\"", null));

        RenderedPage fragment = page(mvc.perform(post("/followups/{id}/assign", VISIT).header("HX-Request", "true")
                .with(coordinator())).andExpect(status().isOk()));

        assertThat(fragment.byId("assignee-" + VISIT).text()).isEqualTo("coordinator1 (you)");

        verify(api).post(eq("/api/followups/{id}/assign"), eq(Map.of("assignee", "coordinator1")), eq(null),
                any(Object[].class));
    }

    @Test
    void the_front_desk_is_refused_the_worklist() throws Exception {
        mvc.perform(get("/worklist").with(frontDesk())).andExpect(status().isForbidden());
    }
}
