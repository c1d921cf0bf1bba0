package org.clinictracker.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
class RegistrationPageTests {

    private static final String EXISTING = "6eedd70b-e31b-4650-9f6f-43139f2a95e1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @Test
    void the_form_offers_every_intake_field_grouped_and_labelled() throws Exception {
        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients/new").with(frontDesk()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.attribute("registration", "hx-post")).isEqualTo("/patients/new");
        assertThat(page.tagsWith("name", "idempotencyKey")).singleElement().asString().containsPattern("value=\"[0-9a-f-]{36}\"");
        assertThat(page.markup()).contains("<legend>Emergency contact</legend>", "<legend>Insurance</legend>",
                "<legend>Current therapies</legend>");
        assertThat(page.tagsWith("for", "address-postalCode")).hasSize(1);
        assertThat(page.attribute("address-postalCode", "name")).isEqualTo("address.postalCode");
        assertThat(page.attribute("birthDate", "type")).isEqualTo("date");
        assertThat(page.attribute("phone", "type")).isEqualTo("tel");
        assertThat(page.attribute("baselinePainScore", "inputmode")).isEqualTo("numeric");
        assertThat(page.attribute("currentTherapies-PHYSICAL_THERAPY", "name")).isEqualTo("currentTherapies");
        assertThat(page.tagsWith("for", "currentTherapies-PHYSICAL_THERAPY")).hasSize(1);
    }

    @Test
    void a_registration_becomes_the_apis_body_and_opens_the_new_chart() throws Exception {
        when(api.post(eq("/api/patients"), any(), eq("key-1")))
                .thenReturn(new ApiAnswer(Map.of("id", "11111111-2222-3333-4444-555555555555"), "\"0\"", null));

        mvc.perform(post("/patients/new").with(frontDesk()).header("HX-Request", "true")
                        .param("idempotencyKey", "key-1")
                        .param("givenName", " Anna ").param("familyName", "Huber").param("birthDate", "1956-03-14")
                        .param("sex", "FEMALE").param("phone", "+43 660 1234567").param("email", "")
                        .param("address.city", "Graz").param("address.postalCode", "8010")
                        .param("emergencyContact.name", "").param("insurance.payer", "ÖGK")
                        .param("indication.code", "KNEE_OSTEOARTHRITIS").param("laterality", "LEFT")
                        .param("painDurationMonths", "18").param("baselinePainScore", "7")
                        .param("opioidMmePerDay", "7,5").param("anticoagulated", "false")
                        .param("currentTherapies", "NSAID", "PHYSICAL_THERAPY"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/patients/11111111-2222-3333-4444-555555555555"));

        assertThat(sentRegistration("key-1"))
                .containsEntry("givenName", "Anna")
                .containsEntry("familyName", "Huber")
                .containsEntry("birthDate", "1956-03-14")
                .containsEntry("sex", "FEMALE")
                .containsEntry("phone", "+43 660 1234567")
                .containsEntry("address", Map.of("city", "Graz", "postalCode", "8010"))
                .containsEntry("insurance", Map.of("payer", "ÖGK"))
                .containsEntry("indication", Map.of("code", "KNEE_OSTEOARTHRITIS"))
                .containsEntry("laterality", "LEFT")
                .containsEntry("painDurationMonths", 18)
                .containsEntry("baselinePainScore", 7)
                .containsEntry("opioidMmePerDay", new BigDecimal("7.5"))
                .containsEntry("anticoagulated", false)
                .containsEntry("currentTherapies", List.of("NSAID", "PHYSICAL_THERAPY"))
                .doesNotContainKeys("email", "emergencyContact", "notDuplicateOf", "idempotencyKey");
    }

    @Test
    void a_pain_score_that_is_no_number_is_refused_beside_the_field_without_calling_the_api() throws Exception {
        RenderedPage form = RenderedPage.of(mvc.perform(post("/patients/new").with(frontDesk()).header("HX-Request", "true")
                        .param("idempotencyKey", "key-2").param("givenName", "Anna").param("familyName", "Huber")
                        .param("birthDate", "1956-03-14").param("sex", "FEMALE")
                        .param("baselinePainScore", "seven").param("opioidMmePerDay", "１２"))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(form.markup()).doesNotContain("<html").contains("data-problem-summary");
        assertThat(form.attribute("baselinePainScore", "aria-invalid")).isEqualTo("true");
        assertThat(form.attribute("baselinePainScore", "aria-describedby")).contains("baselinePainScore-error");
        assertThat(form.attribute("baselinePainScore", "value")).isEqualTo("seven");
        assertThat(form.byId("baselinePainScore-error").text()).isEqualTo("must be a whole number from 0 to 10");
        // full-width digits are digits to Java, not to the clinic's records
        assertThat(form.byId("opioidMmePerDay-error").text()).startsWith("must be a number");
        assertThat(form.attribute("givenName", "value")).isEqualTo("Anna");
        assertThat(form.attribute("givenName", "aria-invalid")).isNull();
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void the_apis_field_errors_stand_beside_their_fields_with_the_input_kept() throws Exception {
        when(api.post(eq("/api/patients"), any(), any())).thenThrow(new ApiProblem(400, Map.of(
                "code", "validation", "title", "Invalid request", "detail", "Some fields are missing or invalid",
                "errors", List.of(Map.of("field", "address.postalCode", "message", "size must be between 0 and 20")))));

        RenderedPage form = RenderedPage.of(mvc.perform(post("/patients/new").with(frontDesk()).header("HX-Request", "true")
                        .param("idempotencyKey", "key-3").param("givenName", "Ånna \"👩‍⚕️\" <b>").param("familyName", "Huber")
                        .param("birthDate", "1956-03-14").param("sex", "FEMALE")
                        .param("address.postalCode", "8".repeat(40)).param("currentTherapies", "NSAID"))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(form.markup()).contains("data-problem-summary", "Some fields are missing or invalid");
        assertThat(form.attribute("address-postalCode", "aria-invalid")).isEqualTo("true");
        assertThat(form.attribute("address-postalCode", "aria-describedby")).isEqualTo("address-postalCode-error");
        assertThat(form.byId("address-postalCode-error").text()).isEqualTo("size must be between 0 and 20");
        assertThat(form.attribute("address-postalCode", "value")).isEqualTo("8".repeat(40));
        assertThat(form.attribute("givenName", "value")).isEqualTo("Ånna \"👩‍⚕️\" <b>");
        assertThat(form.markup()).doesNotContain("<b>");
        assertThat(form.tag("currentTherapies-NSAID")).contains("checked");
        assertThat(form.tag("currentTherapies-OPIOID")).doesNotContain("checked");
        assertThat(form.attribute("sex", "name")).isEqualTo("sex");
        assertThat(form.markup()).containsPattern("<option value=\"FEMALE\" selected=\"selected\">Female</option>");
    }

    @Test
    void a_possible_duplicate_shows_the_existing_chart_with_an_explicit_choice() throws Exception {
        when(api.post(eq("/api/patients"), any(), any())).thenThrow(new ApiProblem(409, Map.of(
                "code", "possible-duplicate", "title", "Possible duplicate chart",
                "candidates", List.of(Map.of("id", EXISTING, "mrn", "CT-000009-1")))));
        when(api.get("/api/patients/{id}", EXISTING)).thenReturn(Map.of("id", EXISTING, "mrn", "CT-000009-1",
                "displayName", "Adeyemi, Ngozi", "birthDate", "1959-07-07", "phone", "+1 510 555 0109"));

        RenderedPage decision = RenderedPage.of(mvc.perform(post("/patients/new").with(frontDesk()).header("HX-Request", "true")
                        .param("idempotencyKey", "key-4").param("givenName", "Ngozi").param("familyName", "Adeyemi")
                        .param("birthDate", "1959-07-07").param("sex", "FEMALE").param("phone", "+1 555 0100")
                        .param("currentTherapies", "NSAID"))
                .andExpect(status().isConflict()).andReturn());

        assertThat(decision.markup()).contains("data-duplicate-warning", "This patient may already have a chart",
                "Existing chart: Adeyemi, Ngozi", "CT-000009-1", "+1 510 555 0109");
        assertThat(decision.tagsWith("data-action", "compare")).singleElement().asString()
                .contains("href=\"/patients/" + EXISTING + "\"", "target=\"_blank\"");
        assertThat(decision.tagsWith("data-action", "not-duplicate")).singleElement().asString()
                .contains("name=\"notDuplicateOf\"", "value=\"" + EXISTING + "\"", "type=\"submit\"");
        assertThat(decision.tagsWith("data-action", "open-existing")).singleElement().asString()
                .contains("href=\"/patients/" + EXISTING + "\"");
        // everything typed travels with the decision, and no text input invites an Enter that would choose for the clerk
        assertThat(decision.tagsWith("name", "phone")).singleElement().asString().contains("type=\"hidden\"", "+1 555 0100");
        assertThat(decision.tagsWith("name", "currentTherapies")).singleElement().asString().contains("type=\"hidden\"", "NSAID");
        assertThat(decision.tagsWith("name", "idempotencyKey")).singleElement().asString().contains("key-4");
        assertThat(decision.markup()).doesNotContain("type=\"text\"");
    }

    @Test
    void someone_else_registers_again_naming_the_chart_it_is_not() throws Exception {
        when(api.post(eq("/api/patients"), any(), eq("key-5")))
                .thenReturn(new ApiAnswer(Map.of("id", "99999999-2222-3333-4444-555555555555"), "\"0\"", null));

        mvc.perform(post("/patients/new").with(frontDesk())
                        .param("idempotencyKey", "key-5").param("givenName", "Ngozi").param("familyName", "Adeyemi")
                        .param("birthDate", "1959-07-07").param("sex", "FEMALE")
                        .param("notDuplicateOf", EXISTING, "not-an-id"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/patients/99999999-2222-3333-4444-555555555555"));

        assertThat(sentRegistration("key-5")).containsEntry("notDuplicateOf", List.of(EXISTING));
    }

    @Test
    void changing_the_details_after_a_duplicate_warning_shows_the_form_as_typed_without_calling_the_api() throws Exception {
        RenderedPage form = RenderedPage.of(mvc.perform(post("/patients/new").with(frontDesk()).header("HX-Request", "true")
                        .param("changeDetails", "true").param("idempotencyKey", "key-6")
                        .param("givenName", "Ngozi").param("familyName", "Adeyemi").param("currentTherapies", "NSAID")
                        .param("notDuplicateOf", EXISTING))
                .andExpect(status().isOk()).andReturn());

        assertThat(form.attribute("familyName", "value")).isEqualTo("Adeyemi");
        assertThat(form.tag("currentTherapies-NSAID")).contains("checked");
        assertThat(form.tagsWith("name", "notDuplicateOf")).singleElement().asString().contains(EXISTING);
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void only_the_front_desk_registers() throws Exception {
        mvc.perform(get("/patients/new").with(coordinator()))
                .andExpect(status().isForbidden());
        verify(api, never()).post(any(), any(), any());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sentRegistration(String idempotencyKey) {
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/patients"), body.capture(), eq(idempotencyKey));
        return body.getValue();
    }
}
