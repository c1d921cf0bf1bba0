package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A clinic without an SMTP server (no spring.mail.host, the default): links are handed over in the clinic only. */
@ClinicServiceTest
class PatientLinkWithoutMailTests {

    static final LocalDate PERFORMED = LocalDate.of(2033, 5, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    @Autowired
    PatientLinks links;

    @Autowired
    PatientMessages messages;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_emailed_link_is_refused_until_the_clinic_configures_a_mail_server() throws Exception {
        clock.set(PERFORMED);
        UUID patientId = plans.patient("Moreau, Claire", 7);
        jdbc.sql("UPDATE known_patient SET given_name = 'Claire', email = 'claire@example.org' WHERE id = ?")
                .param(patientId).update();
        UUID week2 = plans.visit(plans.start(Plans.kneeCryo(patientId, PERFORMED)), "WEEK_2");
        clock.set(PERFORMED.plusDays(14));

        assertThat(messages.canSend()).isFalse();
        mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":\"EMAIL\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("email-not-configured"));
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isZero();
        assertThat(links.sendDue(50)).isZero();

        mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":\"IN_CLINIC\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.link").isNotEmpty());
    }
}
