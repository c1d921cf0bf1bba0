package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.clinictracker.patients.PatientFixtures.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** A registration retried with the same Idempotency-Key (a lost answer, a double click) opens one chart. */
@ClinicServiceTest
class RetriedRegistrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Test
    void a_registration_retried_with_the_same_key_gets_the_first_answer_and_opens_one_chart() throws Exception {
        String familyName = uniqueFamilyName();
        Map<String, Object> body = registration(familyName);
        String key = UUID.randomUUID().toString();

        MvcResult first = register(ClinicJwt.frontDesk(), key, body).andReturn();
        MvcResult retry = register(ClinicJwt.frontDesk(), key, body).andReturn();

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"))
                .isNotNull();
        assertThat(retry.getResponse().getHeader("ETag")).isEqualTo(first.getResponse().getHeader("ETag"));
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(chartsNamed(familyName)).isEqualTo(1);
        UUID patientId = UUID.fromString(json.readTree(first.getResponse().getContentAsString()).get("id").asString());
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            topic.awaitRecord(patientId, e -> e.contains("\"PatientRegistered\""), Duration.ofSeconds(30));
            assertThat(topic.allRecordsFor(patientId)).filteredOn(e -> e.contains("\"PatientRegistered\"")).hasSize(1);
        }
    }

    @Test
    void the_same_key_with_another_registration_is_refused_and_stores_nothing() throws Exception {
        String familyName = uniqueFamilyName();
        String otherName = uniqueFamilyName();
        String key = UUID.randomUUID().toString();
        register(ClinicJwt.frontDesk(), key, registration(familyName)).andExpect(status().isCreated());

        register(ClinicJwt.frontDesk(), key, registration(otherName))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"));

        assertThat(chartsNamed(otherName)).isZero();
    }

    @Test
    void another_users_key_never_returns_someone_elses_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        String firstName = uniqueFamilyName();
        String secondName = uniqueFamilyName();
        String mine = json.readTree(register(ClinicJwt.frontDesk(), key, registration(firstName))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();

        String theirs = json.readTree(register(ClinicJwt.as("frontdesk2", "front-desk"), key, registration(secondName))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(chartsNamed(secondName)).isEqualTo(1);
    }

    @Test
    void a_refused_registration_keeps_nothing_so_the_corrected_one_may_use_the_same_key() throws Exception {
        String familyName = uniqueFamilyName();
        String key = UUID.randomUUID().toString();
        register(ClinicJwt.frontDesk(), UUID.randomUUID().toString(), registration(familyName))
                .andExpect(status().isCreated());
        String existing = jdbc.sql("SELECT id::text FROM patient WHERE family_name = ?").param(familyName)
                .query(String.class).single();

        register(ClinicJwt.frontDesk(), key, registration(familyName)).andExpect(status().isConflict());
        register(ClinicJwt.frontDesk(), key, with(registration(familyName), "notDuplicateOf", List.of(existing)))
                .andExpect(status().isCreated())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Idempotent-Replayed")).isNull());

        assertThat(chartsNamed(familyName)).isEqualTo(2);
    }

    @Test
    void a_key_that_is_not_visible_ascii_is_a_bad_request() throws Exception {
        String familyName = uniqueFamilyName();

        register(ClinicJwt.frontDesk(), "two words", registration(familyName))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("idempotency-key-invalid"));
        register(ClinicJwt.frontDesk(), "x".repeat(256), registration(familyName)).andExpect(status().isBadRequest());

        assertThat(chartsNamed(familyName)).isZero();
    }

    private ResultActions register(ClinicToken user, String key,
            Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/patients").with(user).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private long chartsNamed(String familyName) {
        return jdbc.sql("SELECT count(*) FROM patient WHERE family_name = ?").param(familyName).query(Long.class).single();
    }
}
