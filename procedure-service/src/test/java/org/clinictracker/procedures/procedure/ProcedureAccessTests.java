package org.clinictracker.procedures.procedure;

import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.clinictracker.procedures.ClinicPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/** The role table of architecture.md for procedures: 401 without a token, 403 for the wrong role. */
@ClinicServiceTest
class ProcedureAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ClinicPatients patients;

    @Test
    void only_proceduralists_record_procedures() throws Exception {
        UUID patientId = patients.registered();
        String body = json.writeValueAsString(kneeCryoneurolysis(patientId, 0));

        for (RequestPostProcessor role : new RequestPostProcessor[] { ClinicJwt.frontDesk(), ClinicJwt.coordinator(),
                ClinicJwt.clinicAdmin() }) {
            mvc.perform(post("/api/procedures").with(role).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/procedures").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void the_front_desk_does_not_read_procedures_but_the_clinical_roles_and_the_admin_do() throws Exception {
        mvc.perform(get("/api/procedures").with(ClinicJwt.frontDesk())).andExpect(status().isForbidden());
        for (RequestPostProcessor role : new RequestPostProcessor[] { ClinicJwt.proceduralist(), ClinicJwt.coordinator(),
                ClinicJwt.clinicAdmin() }) {
            mvc.perform(get("/api/procedures").with(role)).andExpect(status().isOk());
        }
    }

    @Test
    void the_nerve_catalogue_is_open_to_every_clinic_role() throws Exception {
        mvc.perform(get("/api/procedures/catalogue/nerves").with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("INTERCOSTAL")))
                .andExpect(jsonPath("$[?(@.code == 'INTERCOSTAL')].levels[0]").value("T1"))
                .andExpect(jsonPath("$[?(@.code == 'SURAL')].region").value("LOWER_LEG_AND_FOOT"));
        mvc.perform(get("/api/procedures/catalogue/nerves")).andExpect(status().isUnauthorized());
    }

    @Test
    void only_the_admin_reads_the_audit_trail() throws Exception {
        UUID patientId = UUID.randomUUID();
        mvc.perform(get("/api/procedures/audit").param("patientId", patientId.toString()).with(ClinicJwt.proceduralist()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/procedures/audit").param("patientId", patientId.toString()).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk());
    }
}
