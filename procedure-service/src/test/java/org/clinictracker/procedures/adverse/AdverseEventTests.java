package org.clinictracker.procedures.adverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.seriousMotorWeakness;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.procedures.ClinicPatients;
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
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClinicServiceTest
class AdverseEventTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    ClinicPatients patients;

    UUID patientId;

    @BeforeEach
    void setUp() {
        patientId = patients.registered();
    }

    @Test
    void a_serious_adverse_event_reported_with_the_procedure_stands_out_in_lists() throws Exception {
        var body = with(kneeCryoneurolysis(patientId, 3), "adverseEvents", List.of(seriousMotorWeakness(2)));
        String id = json.readTree(record(body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hasSeriousAdverseEvent").value(true))
                .andExpect(jsonPath("$.adverseEvents[0].type").value("MOTOR_WEAKNESS"))
                .andExpect(jsonPath("$.adverseEvents[0].reportedBy").value("proceduralist1"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        String quiet = json.readTree(record(kneeCryoneurolysis(patientId, 300)).andReturn().getResponse()
                .getContentAsString()).get("id").asString();

        mvc.perform(get("/api/procedures").param("patientId", patientId.toString()).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", contains(id, quiet)))
                .andExpect(jsonPath("$.content[0].hasSeriousAdverseEvent").value(true))
                .andExpect(jsonPath("$.content[1].hasSeriousAdverseEvent").value(false));
        mvc.perform(get("/api/procedures").param("patientId", patientId.toString()).param("seriousAdverseEvent", "true")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", contains(id)));
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"AdverseEventReported\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventReported", event);
            assertThat(json.readTree(event).get("data").get("serious").asBoolean()).isTrue();
            assertThat(event).doesNotContain("physiotherapy");
        }
    }

    @Test
    void an_adverse_event_reported_later_is_followed_to_resolution_with_every_state_kept() throws Exception {
        String procedureId = json.readTree(record(kneeCryoneurolysis(patientId, 10)).andReturn().getResponse()
                .getContentAsString()).get("id").asString();
        Map<String, Object> numbness = new java.util.LinkedHashMap<>(Map.of("type", "PROLONGED_NUMBNESS",
                "severity", "MILD", "serious", false, "onsetOn", LocalDate.now().minusDays(8).toString(),
                "outcome", "ONGOING"));

        JsonNode reported = json.readTree(mvc.perform(post("/api/procedures/{id}/adverse-events", procedureId)
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(numbness)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn().getResponse().getContentAsString());
        String aeId = reported.get("id").asString();

        var resolved = new java.util.LinkedHashMap<>(numbness);
        resolved.put("outcome", "RESOLVED");
        resolved.put("resolvedOn", LocalDate.now().toString());
        mvc.perform(put("/api/procedures/{id}/adverse-events/{ae}", procedureId, aeId).header("If-Match", "\"0\"")
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(resolved)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.outcome").value("RESOLVED"));
        mvc.perform(put("/api/procedures/{id}/adverse-events/{ae}", procedureId, aeId).header("If-Match", "\"0\"")
                        .with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(numbness)))
                .andExpect(status().isPreconditionFailed());

        mvc.perform(get("/api/procedures/{id}/adverse-events/{ae}/history", procedureId, aeId).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].outcome", contains("ONGOING", "RESOLVED")));
        mvc.perform(get("/api/procedures/{id}", procedureId).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.adverseEvents[0].outcome").value("RESOLVED"))
                .andExpect(jsonPath("$.hasSeriousAdverseEvent").value(false));
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"AdverseEventUpdated\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PROCEDURES, "AdverseEventUpdated", event);
        }
    }

    @Test
    void an_impossible_course_is_refused_naming_the_field() throws Exception {
        String procedureId = json.readTree(record(kneeCryoneurolysis(patientId, 10)).andReturn().getResponse()
                .getContentAsString()).get("id").asString();
        var stillOngoingButResolved = Map.of("type", "BRUISING", "severity", "MILD", "serious", false,
                "onsetOn", LocalDate.now().minusDays(5).toString(), "outcome", "ONGOING",
                "resolvedOn", LocalDate.now().toString());
        var beforeTheProcedure = Map.of("type", "BRUISING", "severity", "MILD", "serious", false,
                "onsetOn", LocalDate.now().minusDays(30).toString(), "outcome", "ONGOING");

        report(procedureId, stillOngoingButResolved)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("resolvedOn")));
        report(procedureId, beforeTheProcedure)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("onsetOn")));
        report(procedureId, Map.of("type", "BRUISING", "severity", "TERRIBLE", "serious", false,
                "onsetOn", LocalDate.now().toString(), "outcome", "ONGOING"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
        report(UUID.randomUUID().toString(), beforeTheProcedure).andExpect(status().isNotFound());
        mvc.perform(get("/api/procedures/{id}", procedureId).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.adverseEvents").isEmpty())
                .andExpect(jsonPath("$.adverseEvents[*].type", not(hasItem("BRUISING"))));
    }

    private ResultActions record(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions report(String procedureId, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/procedures/{id}/adverse-events", procedureId).with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
