package org.clinictracker.patients.patient;

import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** The role table of architecture.md, from the outside: 401 without a token, 403 for the wrong role. */
@ClinicServiceTest
class PatientAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    PatientApi api;
    UUID patientId;

    @BeforeEach
    void setUp() throws Exception {
        api = new PatientApi(mvc, json);
        patientId = api.registerId(registration(uniqueFamilyName()));
    }

    @Test
    void without_a_token_nothing_is_shown_or_changed() throws Exception {
        mvc.perform(get("/api/patients/{id}", patientId))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        mvc.perform(post("/api/patients").contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(registration(uniqueFamilyName()))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_token_without_a_clinic_role_is_forbidden() throws Exception {
        mvc.perform(get("/api/patients/{id}", patientId).with(ClinicJwt.as("visitor")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"));
    }

    @Test
    void only_the_front_desk_registers_and_corrects_patients() throws Exception {
        for (var role : new org.springframework.test.web.servlet.request.RequestPostProcessor[] {
                ClinicJwt.proceduralist(), ClinicJwt.coordinator(), ClinicJwt.clinicAdmin() }) {
            mvc.perform(post("/api/patients").with(role).contentType(MediaType.APPLICATION_JSON)
                            .content(api.asJson(registration(uniqueFamilyName()))))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/patients/{id}", patientId).with(role).header("If-Match", "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON).content(api.asJson(registration(uniqueFamilyName()))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void every_clinical_role_and_the_admin_may_read_patients() throws Exception {
        for (var role : new org.springframework.test.web.servlet.request.RequestPostProcessor[] {
                ClinicJwt.frontDesk(), ClinicJwt.proceduralist(), ClinicJwt.coordinator(), ClinicJwt.clinicAdmin() }) {
            mvc.perform(get("/api/patients/{id}", patientId).with(role)).andExpect(status().isOk());
            mvc.perform(get("/api/patients").with(role)).andExpect(status().isOk());
        }
    }

    @Test
    void screening_answers_and_consent_are_the_front_desks_and_overrides_the_proceduralists() throws Exception {
        mvc.perform(post("/api/patients/{id}/screenings", patientId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/patients/{id}/consents", patientId).with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/patients/{id}/screenings/{s}/override", patientId, UUID.randomUUID())
                        .with(ClinicJwt.frontDesk()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void only_the_clinic_admin_reads_the_audit_trail() throws Exception {
        mvc.perform(get("/api/patients/{id}/audit", patientId).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/patients/{id}/audit", patientId).with(ClinicJwt.proceduralist()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/patients/{id}/audit", patientId).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk());
    }

    @Test
    void health_and_the_api_document_need_no_token() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/patients']").exists())
                .andExpect(jsonPath("$.paths['/api/patients/{patientId}/screenings/{screeningId}/override']").exists());
    }
}
