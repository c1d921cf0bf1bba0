package org.clinictracker.procedures.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.clinictracker.procedures.ProcedureRequests.withCryo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.RequestBodyFuzz;
import org.clinictracker.testsupport.RequestBodyFuzz.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/procedures/warnings: the procedure form asks, while the proceduralist types, which warnings the clinic's
 * rules would keep on the case. Each warning comes back with its field; a half-filled draft is judged on what it
 * has; nothing is stored, audited or announced; only proceduralists ask; a body that is no procedure is refused.
 */
@ClinicServiceTest
class DraftWarningsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    /** A draft needs no known patient: the form asks before anything is saved. */
    private final UUID patientId = UUID.randomUUID();

    @Test
    void a_typical_knee_cryoneurolysis_has_no_warning() throws Exception {
        warningsFor(kneeCryoneurolysis(patientId, 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings", hasSize(0)));
    }

    @Test
    void a_knee_probe_outside_the_knee_window_is_warned_for_the_knee() throws Exception {
        warningsFor(withCryo(kneeCryoneurolysis(patientId, 0), "probeTemperatureCelsius", -60))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0].code").value(ProcedureRules.CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE))
                .andExpect(jsonPath("$.warnings[0].field").value("cryo.probeTemperatureCelsius"))
                .andExpect(jsonPath("$.warnings[0].message", containsString("−60 °C")));
    }

    @Test
    void a_probe_outside_the_general_window_is_warned_when_the_nerve_is_not_at_the_knee() throws Exception {
        Map<String, Object> intercostal = with(kneeCryoneurolysis(patientId, 0), "targets",
                List.of(Map.of("nerve", "INTERCOSTAL", "laterality", "LEFT", "level", "T4")));
        warningsFor(withCryo(intercostal, "probeTemperatureCelsius", -40))
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0].code").value(ProcedureRules.CRYO_TEMPERATURE_UNUSUAL))
                .andExpect(jsonPath("$.warnings[0].field").value("cryo.probeTemperatureCelsius"));
        // −60 °C is typical away from the knee
        warningsFor(withCryo(intercostal, "probeTemperatureCelsius", -60)).andExpect(jsonPath("$.warnings", hasSize(0)));
    }

    @Test
    void an_unusual_freeze_cycle_is_warned_on_its_own_cycle() throws Exception {
        warningsFor(withCryo(kneeCryoneurolysis(patientId, 0), "cycles",
                List.of(Map.of("seconds", 60), Map.of("seconds", 400))))
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0].code").value(ProcedureRules.FREEZE_CYCLE_UNUSUAL))
                .andExpect(jsonPath("$.warnings[0].field").value("cryo.cycles[1].seconds"));
    }

    @Test
    void unusual_radiofrequency_temperature_and_duration_are_warned() throws Exception {
        Map<String, Object> rfa = with(kneeCryoneurolysis(patientId, 0), "modality", "RADIOFREQUENCY_ABLATION");
        rfa.remove("cryo");
        rfa = with(rfa, "rfa", Map.of("variant", "CONVENTIONAL", "lesionTemperatureCelsius", 50,
                "secondsPerLesion", 400, "lesionCount", 3));
        warningsFor(rfa)
                .andExpect(jsonPath("$.warnings", hasSize(2)))
                .andExpect(jsonPath("$.warnings[0].code").value(ProcedureRules.RFA_TEMPERATURE_UNUSUAL))
                .andExpect(jsonPath("$.warnings[0].field").value("rfa.lesionTemperatureCelsius"))
                .andExpect(jsonPath("$.warnings[1].code").value(ProcedureRules.RFA_DURATION_UNUSUAL))
                .andExpect(jsonPath("$.warnings[1].field").value("rfa.secondsPerLesion"));
    }

    @Test
    void a_half_filled_draft_is_judged_on_what_it_has() throws Exception {
        // what a form sends while only the modality, one knee nerve and the temperature are filled in
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("modality", "CRYONEUROLYSIS");
        draft.put("targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR")));
        draft.put("cryo", Map.of("probeTemperatureCelsius", -95));
        warningsFor(draft)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0].code").value(ProcedureRules.CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE));
        // an impossible value is for the save to refuse; the draft only has no warning for it
        warningsFor(Map.of("cryo", Map.of("probeTemperatureCelsius", 20)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings", hasSize(0)));
        warningsFor(Map.of()).andExpect(status().isOk()).andExpect(jsonPath("$.warnings", hasSize(0)));
    }

    @Test
    void asking_stores_audits_and_announces_nothing() throws Exception {
        Stored before = stored();
        warningsFor(withCryo(kneeCryoneurolysis(patientId, 0), "probeTemperatureCelsius", -60))
                .andExpect(jsonPath("$.warnings", hasSize(1)));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void only_proceduralists_ask() throws Exception {
        String body = json.writeValueAsString(kneeCryoneurolysis(patientId, 0));
        for (RequestPostProcessor role : new RequestPostProcessor[] { ClinicJwt.frontDesk(), ClinicJwt.coordinator(),
                ClinicJwt.clinicAdmin() }) {
            mvc.perform(post("/api/procedures/warnings").with(role).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/procedures/warnings").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_hostile_body_is_refused_with_a_problem_and_stores_nothing() {
        new RequestBodyFuzz(mvc, this::stored).refusesEveryHostileBody(
                Call.post("/api/procedures/warnings", ClinicJwt.proceduralist(), kneeCryoneurolysis(patientId, 0)), 120);
    }

    @Test
    void odd_texts_and_numbers_never_give_a_server_error() {
        new RequestBodyFuzz(mvc, this::stored).neverFailsOnOddValues(
                Call.post("/api/procedures/warnings", ClinicJwt.proceduralist(), kneeCryoneurolysis(patientId, 0)), 50);
    }

    private ResultActions warningsFor(Map<String, Object> draft) throws Exception {
        return mvc.perform(post("/api/procedures/warnings").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(draft)));
    }

    private record Stored(long procedures, long versions, long audit, long events) {
    }

    private Stored stored() {
        return new Stored(count("procedure"), count("procedure_version"), count("audit_entry"), count("outbox_event"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
