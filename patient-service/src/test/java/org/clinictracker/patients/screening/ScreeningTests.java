package org.clinictracker.patients.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.eligibleScreeningAnswers;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.clinictracker.patients.PatientFixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClinicServiceTest
class ScreeningTests {

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
    void a_candidate_with_no_contraindication_is_eligible_and_other_services_hear_of_it() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));

        JsonNode screening = screen(patientId, eligibleScreeningAnswers());

        assertThat(screening.get("result").asString()).isEqualTo("ELIGIBLE");
        assertThat(screening.get("reasons")).isEmpty();
        assertThat(screening.get("screenedBy").asString()).isEqualTo("frontdesk1");
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"PatientScreened\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientScreened", event);
            assertThat(json.readTree(event).get("data").get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
        }
    }

    @Test
    void an_anticoagulated_patient_whose_anticoagulant_is_not_held_is_not_eligible_until_a_proceduralist_overrides()
            throws Exception {
        UUID patientId = api.registerId(with(registration(uniqueFamilyName()), "anticoagulated", true));
        var answers = with(eligibleScreeningAnswers(), "anticoagulationHeld", false);

        JsonNode screening = screen(patientId, answers);
        String screeningId = screening.get("id").asString();
        assertThat(screening.get("result").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(screening.get("reasons").get(0).get("code").asString()).isEqualTo("ANTICOAGULATION_NOT_HELD");

        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screeningId)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Apixaban held 48 h before, per haematology"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.effectiveResult").value("ELIGIBLE"))
                .andExpect(jsonPath("$.override.overriddenBy").value("proceduralist1"));

        mvc.perform(get("/api/patients/{id}", patientId).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.screening.id").value(screeningId))
                .andExpect(jsonPath("$.screening.effectiveResult").value("ELIGIBLE"))
                .andExpect(jsonPath("$.screening.override.reason").value("Apixaban held 48 h before, per haematology"));
        mvc.perform(get("/api/patients/{id}/screenings", patientId).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$[0].overrides[*].result", contains("ELIGIBLE")));

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String overridden = topic.awaitRecord(patientId, e -> e.contains("\"overrideResult\":\"ELIGIBLE\""),
                    Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientScreened", overridden);
            assertThat(overridden).doesNotContain("Apixaban"); // free-text reasons stay in this service
        }
    }

    @Test
    void screenings_are_kept_as_a_history_newest_first() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        screen(patientId, with(eligibleScreeningAnswers(), "chronicPainMonths", 2));
        screen(patientId, eligibleScreeningAnswers());

        mvc.perform(get("/api/patients/{id}/screenings", patientId).with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].result", contains("ELIGIBLE", "NEEDS_REVIEW")))
                .andExpect(jsonPath("$[1].reasons[*].code", contains("PAIN_UNDER_THREE_MONTHS")))
                .andExpect(jsonPath("$[0].overrides", empty()));
    }

    @Test
    void an_override_needs_a_reason_and_an_existing_screening() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        String screeningId = screen(patientId, eligibleScreeningAnswers()).get("id").asString();

        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screeningId)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, UUID.randomUUID())
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"ok\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_cold_intolerant_patient_is_ruled_out_for_cryoneurolysis_only_and_other_services_hear_it_per_modality()
            throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        var answers = with(with(eligibleScreeningAnswers(), "coldIntolerance", true),
                "plannedModality", "RADIOFREQUENCY_ABLATION");

        JsonNode screening = screen(patientId, answers);

        assertThat(screening.get("result").asString()).isEqualTo("ELIGIBLE"); // the planned RFA
        assertThat(modality(screening, "CRYONEUROLYSIS").get("effectiveResult").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(modality(screening, "CRYONEUROLYSIS").get("reasons").get(0).get("code").asString())
                .isEqualTo("COLD_INTOLERANCE");
        assertThat(modality(screening, "RADIOFREQUENCY_ABLATION").get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
        assertThat(modality(screening, "NERVE_BLOCK").get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"PatientScreened\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientScreened", event);
            JsonNode published = json.readTree(event).get("data").get("modalities");
            assertThat(published).hasSize(3);
            assertThat(published.get(0).get("modality").asString()).isEqualTo("CRYONEUROLYSIS");
            assertThat(published.get(0).get("effectiveResult").asString()).isEqualTo("NOT_ELIGIBLE");
            assertThat(published.get(0).get("reasonCodes").get(0).asString()).isEqualTo("COLD_INTOLERANCE");
            assertThat(published.get(1).get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
            assertThat(published.get(2).get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
        }
    }

    @Test
    void anticoagulation_nobody_answered_needs_review_and_says_which_answer_is_missing() throws Exception {
        UUID patientId = api.registerId(with(registration(uniqueFamilyName()), "anticoagulated", null));

        JsonNode screening = screen(patientId, eligibleScreeningAnswers());

        assertThat(screening.get("result").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(screening.get("reasons").get(0).get("code").asString()).isEqualTo("INCOMPLETE_ANSWERS");
        assertThat(screening.get("reasons").get(0).get("message").asString()).contains("anticoagulated");
        assertThat(screening.get("modalities")).allSatisfy(
                modality -> assertThat(modality.get("effectiveResult").asString()).isEqualTo("NEEDS_REVIEW"));
    }

    @Test
    void anticoagulation_answered_at_screening_decides_with_whether_it_is_held() throws Exception {
        UUID patientId = api.registerId(with(registration(uniqueFamilyName()), "anticoagulated", null));
        var anticoagulated = with(eligibleScreeningAnswers(), "anticoagulated", true);

        assertThat(screen(patientId, with(anticoagulated, "anticoagulationHeld", false)).get("result").asString())
                .isEqualTo("NOT_ELIGIBLE");
        assertThat(screen(patientId, anticoagulated).get("reasons").get(0).get("code").asString())
                .isEqualTo("ANTICOAGULATION_PLAN_UNKNOWN");
        assertThat(screen(patientId, with(anticoagulated, "anticoagulationHeld", true)).get("result").asString())
                .isEqualTo("ELIGIBLE");
    }

    /** An override reason is why a patient was treated against the screening: invisible characters say nothing. */
    @Test
    void an_override_whose_reason_shows_nothing_is_refused_and_the_screening_stays_as_it_was() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        String screeningId = screen(patientId, with(eligibleScreeningAnswers(), "activeInfection", true)).get("id").asString();

        for (String reason : List.of("\u200B", "\u00A0\u00A0", "\u0301", "\uFEFF", "\u2800", "\u200D", "\u3164")) {
            mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screeningId)
                            .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                            .content(api.asJson(Map.of("reason", reason))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        mvc.perform(get("/api/patients/{id}/screenings", patientId).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$[0].id").value(screeningId))
                .andExpect(jsonPath("$[*].overrides[*]", empty()));
    }

    @Test
    void overriding_a_screening_that_a_newer_one_replaced_is_refused_and_changes_nothing() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        String older = screen(patientId, with(eligibleScreeningAnswers(), "activeInfection", true)).get("id").asString();
        String latest = screen(patientId, with(eligibleScreeningAnswers(), "chronicPainMonths", 2)).get("id").asString();

        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, older)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Infection treated"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("screening-not-latest"))
                .andExpect(jsonPath("$.latestScreeningId").value(latest));

        mvc.perform(get("/api/patients/{id}/screenings", patientId).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$[0].id").value(latest))
                .andExpect(jsonPath("$[*].overrides[*]", empty()));
    }

    @Test
    void an_override_of_a_modality_specific_screening_must_name_the_modality_it_clears() throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        String screeningId = screen(patientId, with(eligibleScreeningAnswers(), "coldIntolerance", true))
                .get("id").asString();

        mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screeningId)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Mild Raynaud's, hands only; knee treatment"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("override-modality-required"))
                .andExpect(jsonPath("$.errors[0].field").value("modalities"));

        String body = mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screeningId)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Mild Raynaud's, hands only; knee treatment",
                                "modalities", List.of("CRYONEUROLYSIS")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.override.modalities", contains("CRYONEUROLYSIS")))
                .andExpect(jsonPath("$.override.reason").value("Mild Raynaud's, hands only; knee treatment"))
                .andReturn().getResponse().getContentAsString();
        JsonNode overridden = json.readTree(body);
        assertThat(modality(overridden, "CRYONEUROLYSIS").get("result").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(modality(overridden, "CRYONEUROLYSIS").get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
        assertThat(modality(overridden, "CRYONEUROLYSIS").get("override").get("overriddenBy").asString())
                .isEqualTo("proceduralist1");

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"overrideResult\":\"ELIGIBLE\""),
                    Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientScreened", event);
            JsonNode cryo = json.readTree(event).get("data").get("modalities").get(0);
            assertThat(cryo.get("modality").asString()).isEqualTo("CRYONEUROLYSIS");
            assertThat(cryo.get("overrideId").asString()).isEqualTo(overridden.get("override").get("id").asString());
            assertThat(cryo.get("effectiveResult").asString()).isEqualTo("ELIGIBLE");
            assertThat(event).doesNotContain("Raynaud's, hands"); // free-text reasons stay in this service
        }
    }

    @Test
    void an_override_for_another_modality_than_the_headline_keeps_the_headline_and_its_event_consistent()
            throws Exception {
        UUID patientId = api.registerId(registration(uniqueFamilyName()));
        // anticoagulant not held: every modality ruled out; the headline is cryoneurolysis (none planned)
        String screeningId = screen(patientId, with(with(eligibleScreeningAnswers(), "anticoagulated", true),
                "anticoagulationHeld", false)).get("id").asString();

        String body = mvc.perform(post("/api/patients/{p}/screenings/{s}/override", patientId, screeningId)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(Map.of("reason", "Diagnostic block acceptable on anticoagulation",
                                "modalities", List.of("NERVE_BLOCK")))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode overridden = json.readTree(body);
        assertThat(overridden.get("effectiveResult").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(modality(overridden, "NERVE_BLOCK").get("effectiveResult").asString()).isEqualTo("ELIGIBLE");

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"overrideId\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientScreened", event);
            JsonNode data = json.readTree(event).get("data");
            // the headline fields describe cryoneurolysis, which no override covers: consumers must not see
            // an ELIGIBLE override beside a NOT_ELIGIBLE effective result
            assertThat(data.has("overrideResult")).isFalse();
            assertThat(data.get("effectiveResult").asString()).isEqualTo("NOT_ELIGIBLE");
            for (JsonNode judged : data.get("modalities")) {
                String expected = judged.get("modality").asString().equals("NERVE_BLOCK") ? "ELIGIBLE" : "NOT_ELIGIBLE";
                assertThat(judged.get("effectiveResult").asString()).as(judged.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void screening_an_unknown_patient_is_not_found() throws Exception {
        mvc.perform(post("/api/patients/{id}/screenings", UUID.randomUUID()).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(eligibleScreeningAnswers())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    private static JsonNode modality(JsonNode screening, String modality) {
        for (JsonNode entry : screening.get("modalities")) {
            if (entry.get("modality").asString().equals(modality)) {
                return entry;
            }
        }
        throw new AssertionError("no " + modality + " in " + screening);
    }

    private JsonNode screen(UUID patientId, Map<String, Object> answers) throws Exception {
        var result = mvc.perform(post("/api/patients/{id}/screenings", patientId).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(answers)))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }
}
