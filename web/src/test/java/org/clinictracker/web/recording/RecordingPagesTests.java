package org.clinictracker.web.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.ClinicUsers.withRole;
import static org.clinictracker.web.RenderedPage.html;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The proceduralist's procedure form against a stand-in API: which inputs become which API body (targets, the chosen
 * modality's parameters only), the level select offered only for nerves with levels, the warnings beside the fields,
 * the API's refusals beside the fields with the input kept, and the web app's own refusal of a number that is none.
 */
@SpringBootTest(properties = "CLINIC_TIME_ZONE=UTC")
@AutoConfigureMockMvc
class RecordingPagesTests {

    static final UUID PATIENT = UUID.fromString("6eedd70b-e31b-4650-9f6f-43139f2a95e1");
    static final UUID PROCEDURE = UUID.fromString("00fdc10a-97cc-4dc3-bee5-ba58770485e2");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void catalogueAndPatient() {
        when(api.getArray("/api/procedures/catalogue/nerves")).thenReturn(List.of(
                nerve("SUPEROMEDIAL_GENICULAR", "Superomedial genicular nerve", "KNEE", null),
                nerve("INFEROMEDIAL_GENICULAR", "Inferomedial genicular nerve", "KNEE", null),
                nerve("INTERCOSTAL", "Intercostal nerve", "CHEST_WALL", List.of("T1", "T2", "T3", "T4", "T5")),
                nerve("OTHER", "Other nerve (described in text)", "OTHER", null)));
        when(api.get("/api/patients/{id}", PATIENT)).thenReturn(Map.of("id", PATIENT.toString(), "givenName", "Ngozi",
                "familyName", "Adeyemi", "mrn", "CT-000009-1", "birthDate", "1959-07-07"));
        when(api.post(eq("/api/procedures/warnings"), any(), isNull())).thenReturn(answer(Map.of("warnings", List.of())));
    }

    @Test
    void the_form_names_the_patient_and_groups_the_nerves_by_region() throws Exception {
        mvc.perform(get("/procedures/new").param("patientId", PATIENT.toString()).with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(html("//h1").string("Record a procedure"))
                .andExpect(html("//dd[@data-patient-name]").string("Ngozi Adeyemi"))
                .andExpect(html("//dd[@data-patient-mrn]").string("CT-000009-1"))
                .andExpect(html("//dd[@data-patient-birth-date]").string("1959-07-07"))
                .andExpect(html("//select[@id='targets[0]-nerve']/optgroup[@label='Knee']/option").nodeCount(2))
                .andExpect(html("//select[@id='targets[0]-nerve']/optgroup[@label='Chest wall']/option[@value='INTERCOSTAL']").exists())
                .andExpect(html("//input[@name='modality'][@type='radio']").nodeCount(3))
                .andExpect(html("//label[@for='modality-RADIOFREQUENCY_ABLATION']").string("Radiofrequency ablation (RFA)"))
                .andExpect(html("//fieldset[@data-modality='CRYONEUROLYSIS']//input[@name='cryo.probeTemperatureCelsius']").exists())
                .andExpect(html("//fieldset[@data-modality='NERVE_BLOCK']//input[@name='block.volumeMl']").exists())
                .andExpect(html("//input[@name='idempotencyKey']/@value").string(containsString("-")))
                // the warnings of a temperature are asked for while it is typed and announced beside it
                .andExpect(html("//input[@id='cryo-probeTemperatureCelsius']/@hx-trigger").string("input changed delay:300ms"))
                .andExpect(html("//div[@id='cryo-probeTemperatureCelsius-warnings']/@aria-live").string("polite"))
                .andExpect(html("//*[@id='amendmentReason']").doesNotExist());
    }

    @Test
    void a_cryoneurolysis_becomes_the_api_body_with_its_targets_and_only_its_own_parameters() throws Exception {
        when(api.post(eq("/api/procedures"), any(), anyString())).thenReturn(answer(Map.of("id", PROCEDURE.toString())));

        mvc.perform(form(post("/procedures/new"), kneeCryoneurolysis())
                        .param("rfa.lesionTemperatureCelsius", "not typed for this case")
                        .param("adverseEvents[0].type", "BRUISING").param("adverseEvents[0].severity", "MILD")
                        .param("adverseEvents[0].onsetOn", "2026-11-25").param("adverseEvents[0].outcome", "RESOLVING")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/procedures/" + PROCEDURE));

        Map<String, Object> body = sentTo("/api/procedures", "key-1");
        assertThat(body).containsEntry("patientId", PATIENT).containsEntry("modality", "CRYONEUROLYSIS")
                .containsEntry("performedAt", "2026-11-25T09:30:00Z").containsEntry("imagingGuidance", "ULTRASOUND")
                .containsEntry("indication", Map.of("code", "KNEE_OSTEOARTHRITIS"))
                .containsEntry("painBefore", 7).containsEntry("painAfter", 2)
                .doesNotContainKeys("rfa", "block", "amendmentReason");
        assertThat(body.get("targets")).isEqualTo(List.of(
                Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT"),
                Map.of("nerve", "INTERCOSTAL", "laterality", "LEFT", "level", "T4")));
        assertThat(body.get("cryo")).isEqualTo(Map.of("probeTemperatureCelsius", new java.math.BigDecimal("-88"),
                "cycles", List.of(Map.of("seconds", 60), Map.of("seconds", 45)), "thawSeconds", 20,
                "iceBallVisualized", true));
        assertThat(body.get("adverseEvents")).isEqualTo(List.of(Map.of("type", "BRUISING", "severity", "MILD",
                "serious", false, "onsetOn", "2026-11-25", "outcome", "RESOLVING")));
    }

    @Test
    void a_radiofrequency_ablation_sends_its_own_block_and_not_the_cryo_values_left_in_the_form() throws Exception {
        when(api.post(eq("/api/procedures"), any(), anyString())).thenReturn(answer(Map.of("id", PROCEDURE.toString())));
        Map<String, String> rfa = new LinkedHashMap<>(kneeCryoneurolysis());
        rfa.put("modality", "RADIOFREQUENCY_ABLATION");
        rfa.put("cryo.probeTemperatureCelsius", "typed before the modality changed");
        rfa.put("rfa.variant", "COOLED");
        rfa.put("rfa.lesionTemperatureCelsius", "60");
        rfa.put("rfa.secondsPerLesion", "150");
        rfa.put("rfa.lesionCount", "3");

        mvc.perform(form(post("/procedures/new"), rfa).header("HX-Request", "true").with(proceduralist()))
                .andExpect(header().string("HX-Redirect", "/procedures/" + PROCEDURE));

        Map<String, Object> body = sentTo("/api/procedures", "key-1");
        assertThat(body).doesNotContainKeys("cryo", "block");
        assertThat(body.get("rfa")).isEqualTo(Map.of("variant", "COOLED", "lesionTemperatureCelsius",
                new java.math.BigDecimal("60"), "secondsPerLesion", 150, "lesionCount", 3));
    }

    @Test
    void the_level_select_is_offered_only_for_nerves_that_have_levels() throws Exception {
        mvc.perform(post("/procedures/form/target").param("row", "0").param("targets[0].nerve", "INTERCOSTAL")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(html("//select[@id='targets[0]-level'][@name='targets[0].level']/option[@value!='']").nodeCount(5))
                .andExpect(html("//label[@for='targets[0]-level']").string("Level"));
        mvc.perform(post("/procedures/form/target").param("row", "1").param("targets[0].nerve", "INTERCOSTAL")
                        .param("targets[1].nerve", "SUPEROMEDIAL_GENICULAR")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("level"))));
        // a nerve outside the catalogue asks which nerve it is instead
        mvc.perform(post("/procedures/form/target").param("row", "0").param("targets[0].nerve", "OTHER")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(content().string(not(containsString("targets[0].level"))))
                .andExpect(content().string(containsString("name=\"targets[0].description\"")));
    }

    @Test
    void a_target_row_is_added_and_removed_on_the_server_keeping_what_was_chosen() throws Exception {
        mvc.perform(post("/procedures/form/targets").param("add", "true")
                        .param("targets[0].nerve", "INTERCOSTAL").param("targets[0].laterality", "LEFT")
                        .param("targets[0].level", "T4").header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(html("//fieldset[@class='target']").nodeCount(2))
                .andExpect(html("//select[@id='targets[0]-level']/option[@selected]/@value").string("T4"))
                .andExpect(html("//select[@id='targets[1]-nerve']//option[@selected]").doesNotExist());
        mvc.perform(post("/procedures/form/targets").param("remove", "0")
                        .param("targets[0].nerve", "INTERCOSTAL").param("targets[0].laterality", "LEFT")
                        .param("targets[1].nerve", "SUPEROMEDIAL_GENICULAR").param("targets[1].laterality", "RIGHT")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(html("//fieldset[@class='target']").nodeCount(1))
                .andExpect(html("//select[@id='targets[0]-nerve']//option[@selected]/@value").string("SUPEROMEDIAL_GENICULAR"));
    }

    @Test
    void the_warnings_of_the_draft_are_placed_beside_their_fields_and_every_region_is_answered() throws Exception {
        when(api.post(eq("/api/procedures/warnings"), any(), isNull())).thenReturn(answer(Map.of("warnings", List.of(
                Map.of("code", "CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE", "field", "cryo.probeTemperatureCelsius",
                        "message", "−60 °C is outside the typical −88 to −70 °C for cryoneurolysis of knee nerves"),
                Map.of("code", "FREEZE_CYCLE_UNUSUAL", "field", "cryo.cycles[1].seconds",
                        "message", "a freeze of 400 seconds is outside the typical 10–300 seconds")))));

        mvc.perform(post("/procedures/warnings").param("modality", "CRYONEUROLYSIS")
                        .param("targets[0].nerve", "SUPEROMEDIAL_GENICULAR").param("cryo.probeTemperatureCelsius", "-60")
                        .param("cryo.cycles[0].seconds", "60").param("cryo.cycles[1].seconds", "400")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(html("//div[@id='cryo-probeTemperatureCelsius-warnings'][@hx-swap-oob='innerHTML']/p[@class='warning']")
                        .string(containsString("−60 °C is outside the typical −88 to −70 °C")))
                .andExpect(html("//div[@id='cryo-probeTemperatureCelsius-warnings']/p/strong").string("Warning:"))
                .andExpect(html("//div[@id='cryo-cycles-warnings']/p").string(containsString("400 seconds")))
                .andExpect(html("//div[@id='rfa-lesionTemperatureCelsius-warnings'][@hx-swap-oob='innerHTML']").exists())
                .andExpect(html("//div[@id='rfa-lesionTemperatureCelsius-warnings']/p").doesNotExist());

        Map<String, Object> draft = sentTo("/api/procedures/warnings", null);
        assertThat(draft).containsEntry("modality", "CRYONEUROLYSIS").doesNotContainKey("adverseEvents");
        assertThat(draft.get("cryo")).isEqualTo(Map.of("probeTemperatureCelsius", new java.math.BigDecimal("-60"),
                "cycles", List.of(Map.of("seconds", 60), Map.of("seconds", 400))));
    }

    @Test
    void warnings_that_cannot_be_had_are_simply_not_shown() throws Exception {
        when(api.post(eq("/api/procedures/warnings"), any(), isNull())).thenThrow(new ApiProblem(503, Map.of()));
        mvc.perform(post("/procedures/warnings").param("cryo.probeTemperatureCelsius", "-60")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(html("//div[@id='cryo-probeTemperatureCelsius-warnings']").exists())
                .andExpect(html("//p[@class='warning']").doesNotExist());
    }

    @Test
    void a_refusal_is_shown_beside_its_field_and_every_target_row_is_kept() throws Exception {
        when(api.post(eq("/api/procedures"), any(), anyString())).thenThrow(new ApiProblem(422, Map.of(
                "code", "clinical-rule-violation", "title", "Against the clinic's rules",
                "errors", List.of(Map.of("field", "targets[1].level", "message", "must be one of T1–T12 for Intercostal nerve (got T13)")))));
        Map<String, String> input = new LinkedHashMap<>(kneeCryoneurolysis());
        input.put("targets[1].level", "T5");

        mvc.perform(form(post("/procedures/new"), input).header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(html("//form[@id='procedure-form']").exists())
                .andExpect(html("//main").doesNotExist())
                .andExpect(html("//div[@data-problem-summary]//a[@href='#targets[1]-level']").exists())
                .andExpect(html("//p[@id='targets[1]-level-error']").string(containsString("must be one of T1–T12")))
                .andExpect(html("//select[@id='targets[1]-level']/@aria-invalid").string("true"))
                .andExpect(html("//select[@id='targets[1]-level']/@aria-describedby").string("targets[1]-level-error"))
                .andExpect(html("//fieldset[@class='target']").nodeCount(2))
                .andExpect(html("//select[@id='targets[0]-nerve']//option[@selected]/@value").string("SUPEROMEDIAL_GENICULAR"))
                .andExpect(html("//input[@id='cryo-probeTemperatureCelsius']/@value").string("-88"))
                .andExpect(html("//input[@id='cryo.cycles[1]-seconds' or @id='cryo-cycles[1]-seconds']/@value").string("45"))
                .andExpect(html("//input[@name='idempotencyKey']/@value").string("key-1"));
    }

    @Test
    void a_case_without_screening_or_consent_asks_why_beside_the_new_field_and_a_plain_post_gets_the_whole_page()
            throws Exception {
        when(api.post(eq("/api/procedures"), any(), anyString())).thenThrow(new ApiProblem(422, Map.of(
                "code", "treatment-not-cleared", "title", "Screening or consent missing",
                "detail", "No consent for cryoneurolysis is on file.",
                "errors", List.of(Map.of("field", "missingClearanceReason", "message", "is required: NO_CONSENT")))));

        mvc.perform(form(post("/procedures/new"), kneeCryoneurolysis()).with(proceduralist()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(html("//h1").string("Record a procedure"))
                .andExpect(html("//dd[@data-patient-mrn]").string("CT-000009-1"))
                .andExpect(html("//textarea[@id='missingClearanceReason']/@aria-invalid").string("true"))
                .andExpect(html("//p[@id='missingClearanceReason-error']").string("is required: NO_CONSENT"))
                .andExpect(html("//div[@data-problem-summary]/p").string("No consent for cryoneurolysis is on file."));

        org.mockito.Mockito.reset(api);
        catalogueAndPatient();
        when(api.post(eq("/api/procedures"), any(), anyString())).thenReturn(answer(Map.of("id", PROCEDURE.toString())));
        mvc.perform(form(post("/procedures/new"), kneeCryoneurolysis())
                        .param("missingClearanceReason", "Late entry: consent on paper, scanned later").with(proceduralist()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/procedures/" + PROCEDURE));
        assertThat(sentTo("/api/procedures", "key-1"))
                .containsEntry("missingClearanceReason", "Late entry: consent on paper, scanned later");
    }

    @Test
    void a_temperature_that_is_not_a_number_is_refused_beside_it_without_calling_the_api() throws Exception {
        Map<String, String> input = new LinkedHashMap<>(kneeCryoneurolysis());
        input.put("cryo.probeTemperatureCelsius", "minus eighty");

        mvc.perform(form(post("/procedures/new"), input).header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(html("//p[@id='cryo-probeTemperatureCelsius-error']").string("must be a number (use a point for decimals)"))
                .andExpect(html("//input[@id='cryo-probeTemperatureCelsius']/@value").string("minus eighty"))
                .andExpect(html("//input[@id='cryo-probeTemperatureCelsius']/@aria-invalid").string("true"));
        verify(api, never()).post(eq("/api/procedures"), any(), any());
    }

    @Test
    void a_probable_duplicate_shows_the_existing_record_and_a_confirmed_other_case_is_sent_as_such() throws Exception {
        UUID existing = UUID.randomUUID();
        when(api.post(eq("/api/procedures"), any(), anyString())).thenThrow(new ApiProblem(409, Map.of(
                "code", "possible-duplicate", "title", "Possible duplicate procedure",
                "candidates", List.of(Map.of("id", existing.toString(), "performedAt", "2026-11-25T09:30:00Z",
                        "modality", "CRYONEUROLYSIS", "performedBy", "proceduralist1")))));

        mvc.perform(form(post("/procedures/new"), kneeCryoneurolysis()).header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isConflict())
                .andExpect(html("//a[@href='/procedures/" + existing + "']").exists())
                .andExpect(html("//input[@name='notDuplicateOf'][@value='" + existing + "']").exists())
                .andExpect(html("//input[@name='notDuplicateOf']/@checked").doesNotExist());

        org.mockito.Mockito.reset(api);
        catalogueAndPatient();
        when(api.post(eq("/api/procedures"), any(), anyString())).thenReturn(answer(Map.of("id", PROCEDURE.toString())));
        mvc.perform(form(post("/procedures/new"), kneeCryoneurolysis()).param("notDuplicateOf", existing.toString())
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(header().string("HX-Redirect", "/procedures/" + PROCEDURE));
        assertThat(sentTo("/api/procedures", "key-1")).containsEntry("notDuplicateOf", List.of(existing));
    }

    @Test
    void the_amendment_form_is_prefilled_and_saves_with_the_version_read_and_a_reason() throws Exception {
        when(api.getForUpdate("/api/procedures/{id}", PROCEDURE)).thenReturn(new ApiAnswer(recorded(), "\"2\"", null));

        mvc.perform(get("/procedures/" + PROCEDURE + "/amend").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(html("//h1").string("Amend a procedure"))
                .andExpect(html("//dd[@data-patient-mrn]").string("CT-000009-1"))
                .andExpect(html("//input[@name='ifMatch']/@value").string("\"2\""))
                .andExpect(html("//input[@id='modality-CRYONEUROLYSIS']/@checked").exists())
                .andExpect(html("//select[@id='targets[0]-level']/option[@selected]/@value").string("T4"))
                .andExpect(html("//input[@id='cryo-probeTemperatureCelsius']/@value").string("-60"))
                .andExpect(html("//div[@id='cryo-probeTemperatureCelsius-warnings']/p").string(containsString("outside the typical")))
                .andExpect(html("//textarea[@id='amendmentReason']").exists())
                .andExpect(html("//fieldset[@id='adverse-events-fieldset']").doesNotExist());

        Map<String, String> input = new LinkedHashMap<>(kneeCryoneurolysis());
        input.put("ifMatch", "\"2\"");
        input.put("amendmentReason", "Probe temperature transcribed wrongly from the console");
        mvc.perform(form(post("/procedures/" + PROCEDURE + "/amend"), input).header("HX-Request", "true").with(proceduralist()))
                .andExpect(header().string("HX-Redirect", "/procedures/" + PROCEDURE));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).put(eq("/api/procedures/{id}"), eq("\"2\""), body.capture(), eq(PROCEDURE));
        assertThat(body.getValue()).containsEntry("amendmentReason", "Probe temperature transcribed wrongly from the console")
                .containsEntry("patientId", PATIENT).doesNotContainKeys("adverseEvents", "notDuplicateOf");
    }

    @Test
    void a_stale_amendment_is_explained_the_input_kept_and_saved_over_only_when_asked() throws Exception {
        when(api.put(eq("/api/procedures/{id}"), eq("\"2\""), any(), eq(PROCEDURE))).thenThrow(new ApiProblem(412, Map.of(
                "code", "stale-version", "title", "Record changed since you read it", "currentVersion", 3)));
        Map<String, String> input = new LinkedHashMap<>(kneeCryoneurolysis());
        input.put("ifMatch", "\"2\"");
        input.put("amendmentReason", "Probe temperature transcribed wrongly");

        mvc.perform(form(post("/procedures/" + PROCEDURE + "/amend"), input).header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(html("//h2[@id='stale-heading']").exists())
                .andExpect(html("//input[@name='overVersion']/@value").string("\"3\""))
                .andExpect(html("//textarea[@id='amendmentReason']").string("Probe temperature transcribed wrongly"))
                .andExpect(html("//input[@name='ifMatch']/@value").string("\"2\""));

        input.put("overVersion", "\"3\"");
        mvc.perform(form(post("/procedures/" + PROCEDURE + "/amend"), input).header("HX-Request", "true").with(proceduralist()))
                .andExpect(header().string("HX-Redirect", "/procedures/" + PROCEDURE));
        verify(api).put(eq("/api/procedures/{id}"), eq("\"3\""), any(), eq(PROCEDURE));
    }

    @Test
    void only_proceduralists_open_the_form_and_its_pieces() throws Exception {
        for (String role : List.of("front-desk", "coordinator", "clinic-admin")) {
            RequestPostProcessor user = withRole(role);
            mvc.perform(get("/procedures/new").param("patientId", PATIENT.toString()).with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/procedures/form/targets").param("add", "true").with(user)).andExpect(status().isForbidden());
            mvc.perform(post("/procedures/warnings").with(user)).andExpect(status().isForbidden());
            mvc.perform(get("/procedures/" + PROCEDURE + "/amend").with(user)).andExpect(status().isForbidden());
        }
        verify(api, never()).post(anyString(), any(), any());
    }

    @Test
    void hostile_input_gets_a_clear_answer_never_a_server_error() throws Exception {
        mvc.perform(post("/procedures/form/targets").param("targets[100000].nerve", "INTERCOSTAL")
                        .header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isBadRequest());
        Map<String, String> input = new LinkedHashMap<>(kneeCryoneurolysis());
        input.put("performedAt", "31 February");
        input.put("painBefore", "7.5");
        input.put("notDuplicateOf", "'; DROP TABLE procedure; --");
        mvc.perform(form(post("/procedures/new"), input).header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(html("//p[@id='performedAt-error']").string("must be a date and time"))
                .andExpect(html("//p[@id='painBefore-error']").string("must be a whole number"));
        // a version smuggling a header in is never sent
        Map<String, String> amendment = new LinkedHashMap<>(kneeCryoneurolysis());
        amendment.put("ifMatch", "\"2\"\r\nX-Evil: 1");
        mvc.perform(form(post("/procedures/" + PROCEDURE + "/amend"), amendment).header("HX-Request", "true").with(proceduralist()))
                .andExpect(status().isPreconditionRequired());
        verify(api, never()).post(eq("/api/procedures"), any(), any());
        verify(api, never()).put(anyString(), any(), any(), any());
    }

    private static Map<String, String> kneeCryoneurolysis() {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("idempotencyKey", "key-1");
        input.put("patientId", PATIENT.toString());
        input.put("performedAt", "2026-11-25T09:30");
        input.put("modality", "CRYONEUROLYSIS");
        input.put("indication.code", "KNEE_OSTEOARTHRITIS");
        input.put("indication.text", "");
        input.put("targets[0].nerve", "SUPEROMEDIAL_GENICULAR");
        input.put("targets[0].laterality", "RIGHT");
        input.put("targets[1].nerve", "INTERCOSTAL");
        input.put("targets[1].laterality", "LEFT");
        input.put("targets[1].level", "T4");
        input.put("imagingGuidance", "ULTRASOUND");
        input.put("cryo.probeTemperatureCelsius", "-88");
        input.put("cryo.cycles[0].seconds", "60");
        input.put("cryo.cycles[1].seconds", "45");
        input.put("cryo.thawSeconds", "20");
        input.put("cryo.iceBallVisualized", "true");
        input.put("_cryo.iceBallVisualized", "on");
        input.put("painBefore", "7");
        input.put("painAfter", "2");
        return input;
    }

    private static Map<String, Object> recorded() {
        Map<String, Object> procedure = new LinkedHashMap<>();
        procedure.put("id", PROCEDURE.toString());
        procedure.put("version", 2);
        procedure.put("patientId", PATIENT.toString());
        procedure.put("performedAt", LocalDateTime.of(2026, 11, 20, 9, 30).toInstant(ZoneOffset.UTC).toString());
        procedure.put("modality", "CRYONEUROLYSIS");
        procedure.put("targets", List.of(Map.of("nerve", "INTERCOSTAL", "laterality", "LEFT", "level", "T4")));
        procedure.put("imagingGuidance", "ULTRASOUND");
        procedure.put("cryo", Map.of("probeTemperatureCelsius", -60, "cycles", List.of(Map.of("seconds", 60)),
                "iceBallVisualized", true));
        procedure.put("warnings", List.of(Map.of("code", "CRYO_TEMPERATURE_UNUSUAL", "field", "cryo.probeTemperatureCelsius",
                "message", "−40 °C is outside the typical −100 to −50 °C for cryoneurolysis")));
        return procedure;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sentTo(String uri, String idempotencyKey) {
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api, org.mockito.Mockito.atLeastOnce()).post(eq(uri), body.capture(),
                idempotencyKey == null ? isNull() : eq(idempotencyKey));
        return (Map<String, Object>) body.getValue();
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B form(B request, Map<String, String> fields) {
        fields.forEach(request::param);
        return request;
    }

    private static ApiAnswer answer(Map<String, Object> body) {
        return new ApiAnswer(body, "\"0\"", null);
    }

    private static Map<String, Object> nerve(String code, String name, String region, List<String> levels) {
        Map<String, Object> nerve = new LinkedHashMap<>();
        nerve.put("code", code);
        nerve.put("name", name);
        nerve.put("region", region);
        nerve.put("levels", levels);
        return nerve;
    }
}
