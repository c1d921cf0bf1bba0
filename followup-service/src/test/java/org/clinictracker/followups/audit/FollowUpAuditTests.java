package org.clinictracker.followups.audit;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The clinic admin sees who read a patient's follow-ups, and that look is itself recorded. */
@ClinicServiceTest
class FollowUpAuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Plans plans;

    @Test
    void the_admin_sees_who_read_the_patients_timeline_newest_first_and_the_look_itself() throws Exception {
        UUID patient = plans.patient("Watched, Wes", 6);
        mvc.perform(get("/api/followups/timeline").param("patientId", patient.toString())
                .with(ClinicJwt.as("coord3", "coordinator"))).andExpect(status().isOk());

        mvc.perform(get("/api/followups/audit").param("patientId", patient.toString()).with(ClinicJwt.as("admin1", "clinic-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].actor").value("coord3"))
                .andExpect(jsonPath("$.content[0].role").value("coordinator"))
                .andExpect(jsonPath("$.content[0].action").value("FOLLOW_UP_TIMELINE_READ"))
                .andExpect(jsonPath("$.content[0].patientId").value(patient.toString()))
                .andExpect(jsonPath("$.page.totalElements").value(1));

        mvc.perform(get("/api/followups/audit").param("patientId", patient.toString()).with(ClinicJwt.clinicAdmin()))
                .andExpect(jsonPath("$.content[*].action", hasItems("FOLLOW_UP_TIMELINE_READ", "AUDIT_TRAIL_READ")))
                .andExpect(jsonPath("$.content[0].action").value("AUDIT_TRAIL_READ"))
                .andExpect(jsonPath("$.content[*].actor", hasItem("admin1")));
    }

    @Test
    void only_the_clinic_admin_reads_the_trail() throws Exception {
        UUID patient = plans.patient("Guarded, Gus", 6);
        for (ClinicToken other : List.of(ClinicJwt.coordinator(), ClinicJwt.proceduralist(), ClinicJwt.frontDesk())) {
            mvc.perform(get("/api/followups/audit").param("patientId", patient.toString()).with(other))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/followups/audit").param("patientId", patient.toString())).andExpect(status().isUnauthorized());
    }

    @Test
    void bad_parameters_are_bad_requests() throws Exception {
        for (String query : List.of("", "patientId=nope", "patientId=" + UUID.randomUUID() + "&size=0",
                "patientId=" + UUID.randomUUID() + "&page=-1", "patientId=" + UUID.randomUUID() + "&size=101")) {
            mvc.perform(get("/api/followups/audit?" + query).with(ClinicJwt.clinicAdmin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }
}
