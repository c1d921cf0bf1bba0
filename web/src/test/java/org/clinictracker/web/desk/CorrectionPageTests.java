package org.clinictracker.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class CorrectionPageTests {

    private static final UUID ID = UUID.fromString("6eedd70b-e31b-4650-9f6f-43139f2a95e1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    static Map<String, Object> chart(String phone, String updatedBy) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", ID.toString());
        chart.put("mrn", "CT-000009-1");
        chart.put("displayName", "Adeyemi, Ngozi");
        chart.put("givenName", "Ngozi");
        chart.put("familyName", "Adeyemi");
        chart.put("birthDate", "1959-07-07");
        chart.put("sex", "FEMALE");
        chart.put("phone", phone);
        chart.put("address", Map.of("line1", "433 Telegraph Avenue", "city", "Berkeley", "country", "US"));
        chart.put("indication", Map.of("code", "KNEE_OSTEOARTHRITIS", "icd10", "M17"));
        chart.put("opioidMmePerDay", 0.0);
        chart.put("anticoagulated", false);
        chart.put("currentTherapies", List.of("EXERCISE", "NSAID"));
        chart.put("updatedBy", updatedBy);
        chart.put("updatedAt", "2026-11-26T04:10:00Z");
        return chart;
    }

    @Test
    void the_form_holds_the_chart_and_the_version_it_was_read_at() throws Exception {
        when(api.getForUpdate("/api/patients/{id}", ID)).thenReturn(new ApiAnswer(chart("+1 510 555 0109", null), "\"3\"", null));

        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients/{id}/edit", ID).with(frontDesk()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.tagsWith("name", "etag")).singleElement().asString().contains("value=\"&quot;3&quot;\"");
        assertThat(page.attribute("phone", "value")).isEqualTo("+1 510 555 0109");
        assertThat(page.attribute("address-city", "value")).isEqualTo("Berkeley");
        assertThat(page.attribute("opioidMmePerDay", "value")).isEqualTo("0");
        assertThat(page.tag("currentTherapies-NSAID")).contains("checked");
        assertThat(page.markup()).contains("Adeyemi, Ngozi", "CT-000009-1");
    }

    @Test
    void a_correction_is_sent_whole_with_if_match_and_opens_the_chart() throws Exception {
        when(api.put(eq("/api/patients/{id}"), eq("\"3\""), any(), eq(ID)))
                .thenReturn(new ApiAnswer(chart("+1 510 555 0000", "frontdesk1"), "\"4\"", null));

        mvc.perform(correction("\"3\"", "+1 510 555 0000"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/patients/" + ID));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).put(eq("/api/patients/{id}"), eq("\"3\""), body.capture(), eq(ID));
        assertThat(body.getValue()).containsEntry("phone", "+1 510 555 0000").containsEntry("givenName", "Ngozi")
                .containsEntry("address", Map.of("city", "Berkeley")).doesNotContainKey("etag");
    }

    @Test
    void a_stale_edit_shows_what_is_stored_now_beside_the_input_and_saves_over_the_new_version_next() throws Exception {
        when(api.put(eq("/api/patients/{id}"), eq("\"3\""), any(), eq(ID))).thenThrow(new ApiProblem(412, Map.of(
                "code", "stale-version", "title", "Record changed since you read it", "currentVersion", 4)));
        when(api.getForUpdate("/api/patients/{id}", ID))
                .thenReturn(new ApiAnswer(chart("+1 510 555 7777", "frontdesk2"), "\"4\"", null));

        RenderedPage form = RenderedPage.of(mvc.perform(correction("\"3\"", "+1 510 555 0000"))
                .andExpect(status().isPreconditionFailed()).andReturn());

        assertThat(form.markup()).contains("data-stale-edit", "Someone else changed this chart", "frontdesk2",
                "not saved yet", "Save again over the new version");
        assertThat(form.tagsWith("data-field", "phone")).hasSize(1);
        assertThat(form.markup()).containsPattern("(?s)data-field=\"phone\">\\s*<th scope=\"row\">Phone</th>\\s*"
                + "<td>\\+1 510 555 7777</td>\\s*<td class=\"changed\">\\+1 510 555 0000</td>");
        // the clerk's input is kept, and a save now goes over version 4
        assertThat(form.attribute("phone", "value")).isEqualTo("+1 510 555 0000");
        assertThat(form.tagsWith("name", "etag")).singleElement().asString().contains("&quot;4&quot;");
        // fields both versions agree on are not listed
        assertThat(form.tagsWith("data-field", "givenName")).isEmpty();
    }

    @Test
    void a_correction_matching_another_chart_meets_the_duplicate_decision_and_saves_naming_it() throws Exception {
        String twin = "8eedd70b-e31b-4650-9f6f-43139f2a95e1";
        when(api.put(eq("/api/patients/{id}"), eq("\"3\""), any(), eq(ID))).thenThrow(new ApiProblem(409, Map.of(
                "code", "possible-duplicate", "candidates", List.of(Map.of("id", twin, "mrn", "CT-000011-5")))));
        when(api.get("/api/patients/{id}", twin)).thenReturn(Map.of("id", twin, "mrn", "CT-000011-5",
                "displayName", "Adeyemi, Ngozi", "birthDate", "1959-07-07"));

        RenderedPage decision = RenderedPage.of(mvc.perform(correction("\"3\"", "+1 510 555 0000"))
                .andExpect(status().isConflict()).andReturn());

        assertThat(decision.markup()).contains("data-duplicate-warning", "This is someone else: save the correction",
                "You are saving", "CT-000011-5", "none recorded");
        assertThat(decision.tagsWith("data-action", "not-duplicate")).singleElement().asString().contains(twin);
        assertThat(decision.tagsWith("name", "etag")).singleElement().asString().contains("&quot;3&quot;");
        assertThat(decision.tagsWith("name", "phone")).singleElement().asString().contains("type=\"hidden\"");

        when(api.put(eq("/api/patients/{id}"), eq("\"3\""), any(), eq(ID)))
                .thenReturn(new ApiAnswer(chart("+1 510 555 0000", "frontdesk1"), "\"4\"", null));
        mvc.perform(correction("\"3\"", "+1 510 555 0000").param("notDuplicateOf", twin))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/patients/" + ID));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api, org.mockito.Mockito.times(2)).put(eq("/api/patients/{id}"), eq("\"3\""), body.capture(), eq(ID));
        assertThat(body.getAllValues().get(0)).doesNotContainKey("notDuplicateOf");
        assertThat(body.getAllValues().get(1)).containsEntry("notDuplicateOf", List.of(twin));
    }

    @Test
    void a_malformed_birth_date_is_refused_beside_the_field() throws Exception {
        RenderedPage form = RenderedPage.of(mvc.perform(correction("\"3\"", "+1 510 555 0000", "07/07/1959"))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(form.byId("birthDate-error").text()).contains("year-month-day");
        assertThat(form.attribute("birthDate", "value")).isEqualTo("07/07/1959");
    }

    private MockHttpServletRequestBuilder correction(String etag, String phone) {
        return correction(etag, phone, "1959-07-07");
    }

    private MockHttpServletRequestBuilder correction(String etag, String phone, String birthDate) {
        return post("/patients/{id}/edit", ID).with(frontDesk()).header("HX-Request", "true")
                .param("etag", etag).param("givenName", "Ngozi").param("familyName", "Adeyemi")
                .param("birthDate", birthDate).param("sex", "FEMALE").param("phone", phone)
                .param("address.city", "Berkeley").param("currentTherapies", "EXERCISE", "NSAID")
                .param("indication.code", "KNEE_OSTEOARTHRITIS").param("anticoagulated", "false")
                .param("opioidMmePerDay", "0");
    }
}
