package org.clinictracker.patients.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.clinictracker.patients.PatientFixtures.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every look at and change of a chart leaves an entry: who, in which role, what, when, which request. */
@ClinicServiceTest
class PatientAuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void reads_and_changes_of_a_chart_are_audited_with_the_request_id() throws Exception {
        String family = uniqueFamilyName();
        var body = registration(family);
        var created = mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk()).header("X-Request-Id", "req-register-1")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn();
        UUID id = UUID.fromString(json.readTree(created.getResponse().getContentAsString()).get("id").asString());
        mvc.perform(get("/api/patients/{id}", id).with(ClinicJwt.proceduralist()).header("X-Request-Id", "req-read-1"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/patients").param("q", family).with(ClinicJwt.coordinator()).header("X-Request-Id", "req-search-1"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/patients/{id}", id).with(ClinicJwt.frontDesk()).header("If-Match", "\"0\"")
                        .header("X-Request-Id", "req-update-1").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(with(body, "phone", "+1 555 0199"))))
                .andExpect(status().isOk());
        // A refused (stale) change leaves no trace of a change.
        mvc.perform(put("/api/patients/{id}", id).with(ClinicJwt.frontDesk()).header("If-Match", "\"0\"")
                        .header("X-Request-Id", "req-update-stale").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isPreconditionFailed());

        var trail = mvc.perform(get("/api/patients/{id}/audit", id).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk()).andReturn();
        JsonNode page = json.readTree(trail.getResponse().getContentAsString());

        List<String> entries = new ArrayList<>();
        page.get("content").forEach(entry -> entries.add(entry.get("action").asString() + " by "
                + entry.get("actor").asString() + " as " + entry.get("role").asString() + " in "
                + entry.get("requestId").asString()));
        assertThat(entries).containsExactlyInAnyOrder(
                "PATIENT_REGISTERED by frontdesk1 as front-desk in req-register-1",
                "PATIENT_READ by proceduralist1 as proceduralist in req-read-1",
                "PATIENT_LISTED by coordinator1 as coordinator in req-search-1",
                "PATIENT_UPDATED by frontdesk1 as front-desk in req-update-1");
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(4);
        page.get("content").forEach(entry -> assertThat(entry.get("at").asString()).endsWith("Z"));

        // Looking at the trail is itself on the trail.
        var again = mvc.perform(get("/api/patients/{id}/audit", id).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk()).andReturn();
        JsonNode newest = json.readTree(again.getResponse().getContentAsString()).get("content").get(0);
        assertThat(newest.get("action").asString()).isEqualTo("AUDIT_TRAIL_READ");
        assertThat(newest.get("actor").asString()).isEqualTo("admin1");
    }
}
