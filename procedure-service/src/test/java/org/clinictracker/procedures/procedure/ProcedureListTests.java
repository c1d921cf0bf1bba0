package org.clinictracker.procedures.procedure;

import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

@ClinicServiceTest
class ProcedureListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ClinicPatients patients;

    @Test
    void the_clinic_list_filters_by_date_modality_nerve_and_clinician_and_pages() throws Exception {
        UUID patientId = patients.registered();
        String knee = record(kneeCryoneurolysis(patientId, 20));
        String block = record(with(with(with(kneeCryoneurolysis(patientId, 10), "modality", "NERVE_BLOCK"), "cryo", null),
                "block", Map.of("purpose", "DIAGNOSTIC", "agent", "bupivacaine", "concentrationPercent", 0.5, "volumeMl", 5)));
        String chest = record(with(kneeCryoneurolysis(patientId, 5), "targets",
                List.of(Map.of("nerve", "INTERCOSTAL", "laterality", "LEFT", "level", "T4"))));
        String from = Instant.now().minus(30, ChronoUnit.DAYS).toString();

        list(Map.of("patientId", patientId.toString())).andExpect(jsonPath("$.content[*].id", contains(chest, block, knee)));
        list(Map.of("patientId", patientId.toString(), "modality", "NERVE_BLOCK"))
                .andExpect(jsonPath("$.content[*].id", contains(block)));
        list(Map.of("patientId", patientId.toString(), "nerve", "INTERCOSTAL"))
                .andExpect(jsonPath("$.content[*].id", contains(chest)));
        list(Map.of("patientId", patientId.toString(), "from", from,
                "to", Instant.now().minus(8, ChronoUnit.DAYS).toString()))
                .andExpect(jsonPath("$.content[*].id", contains(block, knee)));
        list(Map.of("patientId", patientId.toString(), "clinician", "proceduralist1", "size", "2"))
                .andExpect(jsonPath("$.content[*].id", contains(chest, block)))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        list(Map.of("patientId", patientId.toString(), "clinician", "someone-else"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        list(Map.of("modality", "PLASMA")).andExpect(status().isBadRequest());
    }

    private String record(Map<String, Object> body) throws Exception {
        return json.readTree(mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private org.springframework.test.web.servlet.ResultActions list(Map<String, String> params) throws Exception {
        var request = get("/api/procedures").with(ClinicJwt.coordinator());
        params.forEach(request::param);
        return mvc.perform(request);
    }
}
