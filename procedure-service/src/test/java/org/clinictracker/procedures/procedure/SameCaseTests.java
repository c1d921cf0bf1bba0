package org.clinictracker.procedures.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.clinictracker.procedures.ProcedureRequests.withCryo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** The same case typed twice is caught before it becomes a second record. */
@ClinicServiceTest
class SameCaseTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicPatients patients;

    @Test
    void the_same_case_typed_twice_is_refused_with_the_existing_record_until_confirmed() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = kneeCryoneurolysis(patientId, 2);
        String first = id(record(body).andExpect(status().isCreated()));

        record(body)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("possible-duplicate"))
                .andExpect(jsonPath("$.candidates[0].id").value(first))
                .andExpect(jsonPath("$.candidates.length()").value(1));
        assertThat(proceduresOf(patientId)).isEqualTo(1);

        record(with(body, "notDuplicateOf", List.of(first))).andExpect(status().isCreated());
        assertThat(proceduresOf(patientId)).isEqualTo(2);
    }

    @Test
    void seconds_apart_with_one_common_nerve_is_the_same_case_but_another_nerve_or_hour_is_not() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> body = kneeCryoneurolysis(patientId, 5);
        Instant performedAt = Instant.parse((String) body.get("performedAt"));
        record(body).andExpect(status().isCreated());

        record(with(with(body, "performedAt", performedAt.plusSeconds(40).toString()), "targets",
                List.of(Map.of("nerve", "INFEROMEDIAL_GENICULAR", "laterality", "BILATERAL"))))
                .andExpect(status().isConflict());
        record(with(body, "targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "LEFT"))))
                .andExpect(status().isCreated());
        record(with(body, "performedAt", performedAt.plusSeconds(3600).toString())).andExpect(status().isCreated());
    }

    @Test
    void an_amendment_onto_another_case_at_the_same_time_is_refused_unless_confirmed() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> morning = kneeCryoneurolysis(patientId, 1);
        String existing = id(record(morning).andExpect(status().isCreated()));
        Instant performedAt = Instant.parse((String) morning.get("performedAt"));
        Map<String, Object> afternoon = with(morning, "performedAt", performedAt.plusSeconds(4 * 3600).toString());
        String other = id(record(afternoon).andExpect(status().isCreated()));

        Map<String, Object> moved = with(with(afternoon, "performedAt", morning.get("performedAt")), "amendmentReason",
                "Time corrected");
        amend(other, moved)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[0].id").value(existing));
        amend(other, with(moved, "notDuplicateOf", List.of(existing))).andExpect(status().isOk());
    }

    @Test
    void correcting_a_record_beside_a_case_already_confirmed_as_different_needs_no_new_confirmation() throws Exception {
        UUID patientId = patients.registered();
        Map<String, Object> first = kneeCryoneurolysis(patientId, 3);
        String firstId = id(record(first).andExpect(status().isCreated()));
        Instant performedAt = Instant.parse((String) first.get("performedAt"));
        record(with(with(first, "performedAt", performedAt.plusSeconds(30).toString()), "notDuplicateOf",
                List.of(firstId))).andExpect(status().isCreated());

        amend(firstId, with(withCryo(first, "probeTemperatureCelsius", -80), "amendmentReason",
                "Probe temperature typed wrong")).andExpect(status().isOk());
    }

    private ResultActions record(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions amend(String id, Map<String, Object> body) throws Exception {
        return mvc.perform(put("/api/procedures/{id}", id).with(ClinicJwt.proceduralist()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private long proceduresOf(UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM procedure WHERE patient_id = ?").param(patientId).query(Long.class).single();
    }
}
