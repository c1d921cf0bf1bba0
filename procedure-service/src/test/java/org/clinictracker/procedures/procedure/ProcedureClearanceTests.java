package org.clinictracker.procedures.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No silent treatment: a procedure is recorded only for a patient whose latest screening clears its
 * modality and who consented to it, or with a documented reason that stays on the record; a modality the
 * screening rules out is refused whatever the request says.
 */
@ClinicServiceTest
class ProcedureClearanceTests {

    private static final String REASON = "Late entry: case done in March, before the clinic used this system";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicPatients patients;

    @Test
    void a_cold_intolerant_patient_is_refused_cryoneurolysis_even_with_a_reason_but_may_have_a_nerve_block()
            throws Exception {
        UUID patientId = patients.registeredOnly();
        patients.consent(patientId, Modality.CRYONEUROLYSIS);
        patients.consent(patientId, Modality.NERVE_BLOCK);
        patients.screen(patientId, UUID.randomUUID(), Map.of(Modality.CRYONEUROLYSIS, "NOT_ELIGIBLE"), "ELIGIBLE", null);
        long before = proceduresOf(patientId);

        record(with(kneeCryoneurolysis(patientId, 0), "missingClearanceReason", REASON))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("patient-not-eligible"))
                .andExpect(jsonPath("$.modality").value("CRYONEUROLYSIS"))
                .andExpect(jsonPath("$.detail", containsString("ACTIVE_INFECTION")));
        assertThat(proceduresOf(patientId)).isEqualTo(before);

        record(kneeBlock(patientId, 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", empty()));
    }

    @Test
    void an_override_for_the_modality_lets_the_procedure_be_recorded() throws Exception {
        UUID patientId = patients.registeredOnly();
        patients.consent(patientId, Modality.CRYONEUROLYSIS);
        UUID screeningId = UUID.randomUUID();
        patients.screen(patientId, screeningId, Map.of(Modality.CRYONEUROLYSIS, "NOT_ELIGIBLE"), "ELIGIBLE", null);
        record(kneeCryoneurolysis(patientId, 0)).andExpect(status().isUnprocessableContent());

        patients.screen(patientId, screeningId, Map.of(Modality.CRYONEUROLYSIS, "NOT_ELIGIBLE"), "ELIGIBLE", "ELIGIBLE");

        record(kneeCryoneurolysis(patientId, 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", empty()));
    }

    @Test
    void a_screening_awaiting_review_is_refused_unless_the_request_documents_why_and_the_reason_stays_visible()
            throws Exception {
        UUID patientId = patients.screened("NEEDS_REVIEW", null);
        long before = proceduresOf(patientId);

        record(kneeCryoneurolysis(patientId, 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("treatment-not-cleared"))
                .andExpect(jsonPath("$.gaps[*].code", contains("SCREENING_NEEDS_REVIEW")))
                .andExpect(jsonPath("$.errors[0].field").value("missingClearanceReason"));
        for (String blank : new String[] { "   ", "\u200B", "\u00A0\u00A0", "\u0301", "\uFEFF", "\u2800\u200D" }) {
            record(with(kneeCryoneurolysis(patientId, 0), "missingClearanceReason", blank))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("treatment-not-cleared"));
        }
        assertThat(proceduresOf(patientId)).isEqualTo(before);

        String id = body(record(with(kneeCryoneurolysis(patientId, 0), "missingClearanceReason", REASON))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].code").value("SCREENING_NEEDS_REVIEW"))
                .andExpect(jsonPath("$.warnings[0].field").value("missingClearanceReason"))
                .andExpect(jsonPath("$.warnings[0].message", containsString(REASON)))).get("id").asString();

        mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.warnings[0].code").value("SCREENING_NEEDS_REVIEW"))
                .andExpect(jsonPath("$.warnings[0].message", containsString(REASON)));
    }

    @Test
    void a_patient_never_screened_nor_consented_is_refused_and_a_documented_late_entry_carries_both_warnings()
            throws Exception {
        UUID patientId = patients.registeredOnly();

        record(kneeCryoneurolysis(patientId, 200))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("treatment-not-cleared"))
                .andExpect(jsonPath("$.gaps[*].code", contains("NOT_SCREENED", "CONSENT_MISSING")));
        assertThat(proceduresOf(patientId)).isZero();

        record(with(kneeCryoneurolysis(patientId, 200), "missingClearanceReason", REASON))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[*].code", contains("NOT_SCREENED", "CONSENT_MISSING")));
    }

    @Test
    void a_consent_for_another_modality_does_not_count() throws Exception {
        UUID patientId = patients.registeredOnly();
        patients.consent(patientId, Modality.CRYONEUROLYSIS);
        patients.screen(patientId, UUID.randomUUID(), "ELIGIBLE", null);

        record(kneeBlock(patientId, 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.gaps[*].code", contains("CONSENT_MISSING")))
                .andExpect(jsonPath("$.detail", containsString("NERVE_BLOCK")));
        record(kneeCryoneurolysis(patientId, 0)).andExpect(status().isCreated());
    }

    @Test
    void a_late_entry_for_a_patient_screened_and_consented_since_is_accepted_without_a_reason() throws Exception {
        UUID patientId = patients.registeredOnly();
        Map<String, Object> caseFromLastYear = kneeCryoneurolysis(patientId, 300);
        record(caseFromLastYear).andExpect(status().isUnprocessableContent());

        patients.screen(patientId, UUID.randomUUID(), "ELIGIBLE", null);
        patients.consent(patientId, Modality.CRYONEUROLYSIS);

        record(caseFromLastYear)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", empty()));
    }

    @Test
    void an_amendment_keeps_the_documented_reason_on_the_record() throws Exception {
        UUID patientId = patients.registeredOnly();
        String id = body(record(with(kneeCryoneurolysis(patientId, 30), "missingClearanceReason", REASON))
                .andExpect(status().isCreated())).get("id").asString();

        mvc.perform(put("/api/procedures/{id}", id).with(ClinicJwt.proceduralist()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(with(kneeCryoneurolysis(patientId, 30), "amendmentReason",
                                "Pain after corrected"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.warnings[*].code", contains("NOT_SCREENED", "CONSENT_MISSING")))
                .andExpect(jsonPath("$.warnings[0].message", containsString(REASON)));
    }

    @Test
    void an_amendment_to_a_modality_the_screening_rules_out_is_refused_and_the_record_stays_as_it_was()
            throws Exception {
        UUID patientId = patients.registeredOnly();
        patients.consent(patientId, Modality.NERVE_BLOCK);
        patients.consent(patientId, Modality.CRYONEUROLYSIS);
        patients.screen(patientId, UUID.randomUUID(), Map.of(Modality.CRYONEUROLYSIS, "NOT_ELIGIBLE"), "ELIGIBLE", null);
        String id = body(record(kneeBlock(patientId, 1)).andExpect(status().isCreated())).get("id").asString();

        amend(id, 0, with(with(kneeCryoneurolysis(patientId, 1), "amendmentReason", "It was a cryoneurolysis"),
                "missingClearanceReason", REASON))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("patient-not-eligible"));

        mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.modality").value("NERVE_BLOCK"));
    }

    @Test
    void an_amendment_to_a_modality_without_consent_needs_a_documented_reason_like_a_new_record() throws Exception {
        UUID patientId = patients.registeredOnly();
        patients.consent(patientId, Modality.NERVE_BLOCK);
        patients.screen(patientId, UUID.randomUUID(), "ELIGIBLE", null);
        String id = body(record(kneeBlock(patientId, 1)).andExpect(status().isCreated())).get("id").asString();
        Map<String, Object> asCryoneurolysis = with(kneeCryoneurolysis(patientId, 1), "amendmentReason",
                "It was a cryoneurolysis");

        amend(id, 0, asCryoneurolysis)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.gaps[*].code", contains("CONSENT_MISSING")));
        amend(id, 0, with(asCryoneurolysis, "missingClearanceReason", REASON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[*].code", contains("CONSENT_MISSING")));
    }

    private ResultActions amend(String id, int version, Map<String, Object> body) throws Exception {
        return mvc.perform(put("/api/procedures/{id}", id).with(ClinicJwt.proceduralist())
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private static Map<String, Object> kneeBlock(UUID patientId, int daysAgo) {
        return with(with(with(kneeCryoneurolysis(patientId, daysAgo), "modality", "NERVE_BLOCK"), "cryo", null),
                "block", Map.of("purpose", "DIAGNOSTIC", "agent", "bupivacaine", "concentrationPercent", 0.5,
                        "volumeMl", 5));
    }

    private ResultActions record(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long proceduresOf(UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM procedure WHERE patient_id = ?").param(patientId).query(Long.class).single();
    }
}
