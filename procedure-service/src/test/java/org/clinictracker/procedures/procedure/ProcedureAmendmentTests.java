package org.clinictracker.procedures.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.with;
import static org.clinictracker.procedures.ProcedureRequests.withCryo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** A record is corrected by amendment with a reason; the original stays readable, nothing is silently overwritten. */
@ClinicServiceTest
class ProcedureAmendmentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    ClinicPatients patients;

    UUID patientId;
    Map<String, Object> original;
    String id;

    @BeforeEach
    void aRecordedProcedure() throws Exception {
        patientId = patients.registered();
        original = kneeCryoneurolysis(patientId, 1);
        id = json.readTree(mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(original)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    @Test
    void an_amendment_keeps_the_original_readable_with_reason_author_and_time() throws Exception {
        var corrected = with(withCryo(original, "probeTemperatureCelsius", -80), "amendmentReason",
                "Temperature transcribed wrongly from the console");

        amend("\"0\"", corrected)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.cryo.probeTemperatureCelsius").value(-80))
                .andExpect(jsonPath("$.amendedBy").value("proceduralist1"))
                .andExpect(jsonPath("$.performedBy").value("proceduralist1"));

        mvc.perform(get("/api/procedures/{id}/history", id).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(0))
                .andExpect(jsonPath("$[0].record.cryo.probeTemperatureCelsius").value(-88))
                .andExpect(jsonPath("$[0].amendmentReason").doesNotExist())
                .andExpect(jsonPath("$[1].version").value(1))
                .andExpect(jsonPath("$[1].record.cryo.probeTemperatureCelsius").value(-80))
                .andExpect(jsonPath("$[1].amendmentReason").value("Temperature transcribed wrongly from the console"))
                .andExpect(jsonPath("$[1].author").value("proceduralist1"))
                .andExpect(jsonPath("$[1].at").exists());
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String event = topic.awaitRecord(patientId, e -> e.contains("\"ProcedureAmended\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PROCEDURES, "ProcedureAmended", event);
            assertThat(json.readTree(event).get("data").get("version").asInt()).isEqualTo(1);
        }
    }

    @Test
    void an_amendment_made_on_a_stale_copy_is_refused() throws Exception {
        var first = with(original, "amendmentReason", "Pain after corrected");
        amend("\"0\"", with(first, "painAfter", 3)).andExpect(status().isOk());

        amend("\"0\"", with(first, "painAfter", 1))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$.painAfter").value(3));
    }

    @Test
    void an_amendment_needs_a_reason_an_if_match_and_the_same_patient() throws Exception {
        amend("\"0\"", with(original, "painAfter", 3))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amendmentReason"));
        amend(null, with(original, "amendmentReason", "x"))
                .andExpect(status().isPreconditionRequired());
        amend("\"0\"", with(with(original, "amendmentReason", "wrong chart"), "patientId", UUID.randomUUID().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("patientId"));
        mvc.perform(get("/api/procedures/{id}/history", id).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$.length()").value(1));
    }

    /** The reason is the record of why a chart changed: invisible characters say nothing and are refused as blank. */
    @ParameterizedTest
    @ValueSource(strings = { "\u200B", "\u00A0\u00A0", "\u0301", "\uFEFF", "\u2800", "\u200D", "\u0301\u0301",
            "\u3000\u3164" })
    void an_amendment_whose_reason_shows_nothing_is_refused_and_the_record_stays_as_it_was(String reason) throws Exception {
        amend("\"0\"", with(with(original, "painAfter", 3), "amendmentReason", reason))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("amendmentReason"));
        mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.proceduralist()))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.painAfter").value(original.get("painAfter")));
        mvc.perform(get("/api/procedures/{id}/history", id).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$.length()").value(1));
    }

    private ResultActions amend(String ifMatch, Map<String, Object> body) throws Exception {
        var request = put("/api/procedures/{id}", id).with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }
}
