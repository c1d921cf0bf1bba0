package org.clinictracker.patients.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

@ClinicServiceTest
class ConsentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    EmbeddedKafkaBroker kafka;

    PatientApi api;

    @BeforeEach
    void setUp() {
        api = new PatientApi(mvc, json);
    }

    @Test
    void signed_consents_are_kept_as_a_history_and_announced() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));

        record(patientId, Map.of("procedure", "NERVE_BLOCK", "signedOn", "2026-01-10", "witness", "Nurse Ines Rocha"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recordedBy").value("frontdesk1"));
        record(patientId, Map.of("procedure", "CRYONEUROLYSIS", "signedOn", "2026-03-02", "witness", "Nurse Ines Rocha",
                "formVersion", "CRYO-2026-01"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/patients/{id}/consents", patientId).with(ClinicJwt.proceduralist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].procedure", contains("CRYONEUROLYSIS", "NERVE_BLOCK")));
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"CRYONEUROLYSIS\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "ConsentRecorded", event);
            assertThat(event).doesNotContain("Ines Rocha");
        }
    }

    @Test
    void a_consent_needs_a_modality_a_witness_and_a_date_not_in_the_future() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));

        record(patientId, Map.of("procedure", "CRYONEUROLYSIS", "signedOn", LocalDate.now().plusDays(2).toString(),
                "witness", "Nurse Ines Rocha"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signedOn"));
        record(patientId, Map.of("procedure", "ACUPUNCTURE", "signedOn", "2026-01-10", "witness", "Nurse"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("procedure"));
        record(patientId, Map.of("procedure", "CRYONEUROLYSIS", "signedOn", "2026-01-10"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("witness"));
        mvc.perform(get("/api/patients/{id}/consents", patientId).with(ClinicJwt.frontDesk()))
                .andExpect(jsonPath("$").isEmpty());
    }

    private org.springframework.test.web.servlet.ResultActions record(UUID patientId, Map<String, Object> body)
            throws Exception {
        return mvc.perform(post("/api/patients/{id}/consents", patientId).with(ClinicJwt.frontDesk())
                .contentType(MediaType.APPLICATION_JSON).content(api.asJson(body)));
    }
}
