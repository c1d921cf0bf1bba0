package org.clinictracker.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.admin;
import static org.hamcrest.Matchers.containsString;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.util.List;
import java.util.Map;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ProtocolsPageTests {

    private static final String EDIT = "/admin/protocols/NERVE_BLOCK";
    private static final String PROTOCOL = "/api/followups/protocols/{modality}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void theClinicsProtocols() {
        when(api.getArray("/api/followups/protocols")).thenReturn(List.of(
                protocol("CRYONEUROLYSIS", 1, "system", visit("DAY_2", 2, 1, 1), visit("MONTH_3", 90, 14, 14)),
                protocol("NERVE_BLOCK", 3, "admin1", visit("DAY_1", 1, 1, 1), visit("WEEK_2", 14, 3, 3))));
        when(api.getForUpdate(PROTOCOL, "NERVE_BLOCK")).thenReturn(new ApiAnswer(
                protocol("NERVE_BLOCK", 3, "admin1", visit("DAY_1", 1, 1, 1), visit("WEEK_2", 14, 3, 3)), "\"3\"", null));
        when(api.getArray(PROTOCOL + "/versions", "NERVE_BLOCK")).thenReturn(List.of(
                protocol("NERVE_BLOCK", 3, "admin1", visit("DAY_1", 1, 1, 1), visit("WEEK_2", 14, 3, 3)),
                protocol("NERVE_BLOCK", 2, "admin1", visit("DAY_1", 1, 1, 1), visit("WEEK_2", 14, 2, 2)),
                protocol("NERVE_BLOCK", 1, "system", visit("DAY_1", 1, 1, 1))));
    }

    @Test
    void each_modality_shows_its_visits_and_windows_in_words() throws Exception {
        mvc.perform(get("/admin/protocols").with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//h1").string("Follow-up protocols"))
                .andExpect(xpath("//section[@id='protocol-CRYONEUROLYSIS']/h2").string("Cryoneurolysis"))
                .andExpect(xpath("//section[@id='protocol-NERVE_BLOCK']/h2").string("Nerve block"))
                .andExpect(xpath("//section[@id='protocol-CRYONEUROLYSIS']//caption").exists())
                .andExpect(xpath("//section[@id='protocol-CRYONEUROLYSIS']//tr[@data-label='MONTH_3']/th[@scope='row']")
                        .string("Month 3"))
                .andExpect(xpath("//section[@id='protocol-CRYONEUROLYSIS']//tr[@data-label='MONTH_3']/td[1]").string("90"))
                .andExpect(xpath("//section[@id='protocol-CRYONEUROLYSIS']//tr[@data-label='MONTH_3']/td[4]")
                        .string("day 76 to day 104"))
                .andExpect(xpath("//section[@id='protocol-NERVE_BLOCK']/p[contains(@class,'muted')]")
                        .string(containsString("Version 3, set by admin1")))
                .andExpect(xpath("//a[@id='change-NERVE_BLOCK']/@href").string(EDIT))
                .andExpect(xpath("//a[@id='change-NERVE_BLOCK']").string("Change the nerve block protocol"));
    }

    @Test
    void the_edit_form_holds_each_visit_as_a_row_named_as_the_api_names_it() throws Exception {
        mvc.perform(get(EDIT).with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//form[@id='protocol-form']/@hx-post").string(EDIT))
                .andExpect(xpath("//form[@id='protocol-form']//input[@name='version']/@value").string("3"))
                .andExpect(xpath("//fieldset[@class='visit-row']").nodeCount(2))
                .andExpect(xpath("//fieldset[@data-row='1']/legend").string("Visit 2"))
                .andExpect(xpath("//input[@name='visits[1].label']/@value").string("WEEK_2"))
                .andExpect(xpath("//input[@name='visits[1].label']/@id").string("visits[1]-label"))
                .andExpect(xpath("//label[@for='visits[1]-windowAfterDays']").exists())
                .andExpect(xpath("//input[@name='visits[1].windowAfterDays']/@value").string("3"))
                .andExpect(xpath("//button[@name='change' and @value='remove-1']/@aria-label").string("Remove visit 2"))
                .andExpect(xpath("//button[@id='add-visit']").exists())
                // every version listed, the current one marked
                .andExpect(xpath("//details[@data-version]").nodeCount(3))
                .andExpect(xpath("//details[@data-version='3']/summary").string(containsString("(current)")))
                .andExpect(xpath("//details[@data-version='1']//caption").string("Visits of version 1"));
    }

    @Test
    void add_puts_an_empty_focused_row_at_the_end_and_keeps_what_was_typed() throws Exception {
        mvc.perform(form(post(EDIT), "3", "DAY_1", "1", "1", "1", "Week two", "15", "3", "3").param("change", "add")
                        .header("HX-Request", "true").with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("/form[@id='protocol-form']").exists()) // the fragment alone, for htmx
                .andExpect(xpath("//fieldset[@class='visit-row']").nodeCount(3))
                .andExpect(xpath("//input[@name='visits[1].label']/@value").string("Week two"))
                .andExpect(xpath("//input[@name='visits[1].offsetDays']/@value").string("15"))
                .andExpect(xpath("//input[@name='visits[2].label']/@value").string(""))
                .andExpect(xpath("//input[@name='visits[2].label']/@autofocus").exists());
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void remove_takes_out_that_row_only() throws Exception {
        mvc.perform(form(post(EDIT), "3", "DAY_1", "1", "1", "1", "WEEK_2", "14", "3", "3").param("change", "remove-0")
                        .header("HX-Request", "true").with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//fieldset[@class='visit-row']").nodeCount(1))
                .andExpect(xpath("//input[@name='visits[0].label']/@value").string("WEEK_2"))
                .andExpect(xpath("//button[@id='add-visit']/@autofocus").exists());
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void save_sends_the_rows_with_the_version_started_from_and_goes_back_to_the_list() throws Exception {
        when(api.put(eq(PROTOCOL), eq("\"3\""), any(), eq("NERVE_BLOCK"))).thenReturn(new ApiAnswer(
                protocol("NERVE_BLOCK", 4, "admin1", visit("DAY_1", 1, 1, 1), visit("WEEK_2", 14, 3, 4)), "\"4\"", null));

        mvc.perform(form(post(EDIT), "3", "DAY_1", "1", "1", "1", " week 2 ", "14", "3", "4")
                        .param("visits[2].label", "").header("HX-Request", "true").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/admin/protocols?saved=NERVE_BLOCK"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).put(eq(PROTOCOL), eq("\"3\""), body.capture(), eq("NERVE_BLOCK"));
        // the wholly empty third row is left out; "week 2" is sent as the API's code
        assertThat(body.getValue()).isEqualTo(Map.of("visits", List.of(
                Map.of("label", "DAY_1", "offsetDays", 1, "windowBeforeDays", 1, "windowAfterDays", 1),
                Map.of("label", "WEEK_2", "offsetDays", 14, "windowBeforeDays", 3, "windowAfterDays", 4))));
    }

    @Test
    void after_a_save_the_list_says_which_version_now_applies() throws Exception {
        mvc.perform(get("/admin/protocols").param("saved", "NERVE_BLOCK").with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//*[@id='saved' and @role='status']")
                        .string(containsString("The Nerve block protocol was saved as version 3.")));
    }

    @Test
    void days_that_are_no_whole_number_are_the_web_apps_own_field_errors() throws Exception {
        mvc.perform(form(post(EDIT), "3", "DAY_1", "1", "1", "1", "WEEK_2", "two weeks", "3", "99999999999")
                        .header("HX-Request", "true").with(admin()))
                .andExpect(status().is(422))
                .andExpect(xpath("//*[@data-problem-summary]").exists())
                .andExpect(xpath("//input[@name='visits[1].offsetDays']/@value").string("two weeks"))
                .andExpect(xpath("//input[@name='visits[1].offsetDays']/@aria-invalid").string("true"))
                .andExpect(xpath("//input[@name='visits[1].offsetDays']/@aria-describedby").string("visits[1]-offsetDays-error"))
                .andExpect(xpath("//p[@id='visits[1]-offsetDays-error']").string("must be a whole number of days, e.g. 14"))
                .andExpect(xpath("//p[@id='visits[1]-windowAfterDays-error']").exists())
                .andExpect(xpath("//input[@name='visits[0].offsetDays']/@aria-invalid").doesNotExist());
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void the_apis_rules_are_shown_beside_the_fields_they_concern() throws Exception {
        when(api.put(eq(PROTOCOL), eq("\"3\""), any(), eq("NERVE_BLOCK"))).thenThrow(new ApiProblem(422, Map.of(
                "code", "clinical-rule-violation", "title", "Against the clinic's rules",
                "detail", "These values are not possible as given: visits[1].windowBeforeDays.",
                "errors", List.of(Map.of("field", "visits[1].windowBeforeDays",
                        "message", "window overlaps the window of DAY_1 (which ends on day 2)")))));

        mvc.perform(form(post(EDIT), "3", "DAY_1", "1", "1", "1", "WEEK_2", "3", "2", "3")
                        .header("HX-Request", "true").with(admin()))
                .andExpect(status().is(422))
                .andExpect(xpath("//*[@data-problem-summary]/h2").string("Against the clinic's rules"))
                .andExpect(xpath("//*[@data-problem-summary]//a/@href").string("#visits[1]-windowBeforeDays"))
                .andExpect(xpath("//p[@id='visits[1]-windowBeforeDays-error']")
                        .string("window overlaps the window of DAY_1 (which ends on day 2)"))
                .andExpect(xpath("//input[@name='visits[1].windowBeforeDays']/@aria-invalid").string("true"))
                .andExpect(xpath("//input[@name='visits[1].offsetDays']/@value").string("3"));
    }

    @Test
    void a_change_saved_meanwhile_is_explained_and_the_admins_rows_are_kept() throws Exception {
        when(api.put(eq(PROTOCOL), eq("\"2\""), any(), eq("NERVE_BLOCK"))).thenThrow(new ApiProblem(412, Map.of(
                "code", "stale-version", "title", "Record changed since you read it",
                "detail", "You edited version 2 but the record is now at version 3; reload it and apply your change again.")));

        mvc.perform(form(post(EDIT), "2", "DAY_1", "1", "1", "1", "WEEK_3", "21", "3", "3")
                        .header("HX-Request", "true").with(admin()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(xpath("//*[@data-problem-summary]/h2").string("Not saved: the protocol changed while you were editing"))
                .andExpect(xpath("//*[@data-problem-summary]/p").string(containsString("save again to replace it")))
                .andExpect(xpath("//*[@id='changed-meanwhile']/h2").string("Changed by admin1 while you were editing"))
                .andExpect(xpath("//*[@id='changed-meanwhile']//tr[@data-label='WEEK_2']/td[1]").string("14"))
                .andExpect(xpath("//input[@name='visits[1].label']/@value").string("WEEK_3"))
                .andExpect(xpath("//input[@name='visits[1].offsetDays']/@value").string("21"))
                // saving again now replaces what the admin has just seen
                .andExpect(xpath("//input[@name='version']/@value").string("3"));
    }

    @Test
    void hostile_rows_never_fail_the_page() throws Exception {
        mvc.perform(post(EDIT).param("version", "3").param("visits[99999].label", "X")
                        .param("visits[0].label", "\u202Eevil").param("visits[0].offsetDays", "1")
                        .param("change", "add").header("HX-Request", "true").with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//fieldset[@class='visit-row']").nodeCount(2));
        mvc.perform(post(EDIT).param("version", "not-a-version").param("visits[0].label", "DAY_1")
                        .param("visits[0].offsetDays", "1").header("HX-Request", "true").with(admin()))
                .andExpect(status().is(422))
                .andExpect(xpath("//*[@data-problem-summary]").string(containsString("reload the page")));
        verify(api, never()).put(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void an_unknown_modality_is_not_found() throws Exception {
        when(api.getForUpdate(PROTOCOL, "LASER")).thenThrow(new ApiProblem(404, Map.of(
                "code", "not-found", "title", "Protocol not found", "detail", "No protocol with id LASER.")));

        mvc.perform(get("/admin/protocols/LASER").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(xpath("//h1").string("Protocol not found"));
    }

    /** The edit form as the browser sends it: the version, then rows of label, due, before, after. */
    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String version,
            String... rows) {
        request.param("version", version);
        for (int i = 0; i < rows.length / 4; i++) {
            request.param("visits[" + i + "].label", rows[i * 4])
                    .param("visits[" + i + "].offsetDays", rows[i * 4 + 1])
                    .param("visits[" + i + "].windowBeforeDays", rows[i * 4 + 2])
                    .param("visits[" + i + "].windowAfterDays", rows[i * 4 + 3]);
        }
        return request;
    }

    @SafeVarargs
    private static Map<String, Object> protocol(String modality, int version, String by, Map<String, Object>... visits) {
        return Map.of("modality", modality, "version", version, "visits", List.of(visits), "changedBy", by,
                "changedAt", "2026-11-26T02:03:35.413225Z");
    }

    private static Map<String, Object> visit(String label, int offset, int before, int after) {
        return Map.of("label", label, "offsetDays", offset, "windowBeforeDays", before, "windowAfterDays", after);
    }

}
