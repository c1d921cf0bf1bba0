package org.clinictracker.procedures.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.clinictracker.procedures.ProcedureRequests.withCryo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClinicServiceTest
class ProcedureRecordingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    ClinicPatients patients;

    @Test
    void a_patient_registered_at_the_front_desk_can_have_a_procedure_recorded_and_it_is_announced() throws Exception {
        UUID patientId = patients.registered();

        JsonNode procedure = body(record(kneeCryoneurolysis(patientId, 0))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", matchesPattern("/api/procedures/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.performedBy").value("proceduralist1"))
                .andExpect(jsonPath("$.treatmentNumber").value(1))
                .andExpect(jsonPath("$.earlyRepeat").value(false))
                .andExpect(jsonPath("$.warnings", empty()))
                .andExpect(jsonPath("$.targets[*].nerve",
                        contains("SUPEROMEDIAL_GENICULAR", "SUPEROLATERAL_GENICULAR", "INFEROMEDIAL_GENICULAR"))));
        String id = procedure.get("id").asString();

        mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cryo.probeTemperatureCelsius").value(-88))
                .andExpect(jsonPath("$.cryo.cycles[*].seconds", contains(60, 60)));
        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PROCEDURES)) {
            String event = topic.awaitRecord(patientId, e -> e.contains(id), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PROCEDURES, "ProcedureRecorded", event);
            JsonNode data = json.readTree(event).get("data");
            assertThat(data.get("treatmentNumber").asInt()).isEqualTo(1);
            assertThat(data.get("painBefore").asInt()).isEqualTo(7);
            assertThat(event).doesNotContain("Tolerated well", "iovera");
        }
    }

    @Test
    void a_procedure_for_a_patient_this_service_does_not_know_is_refused_and_nothing_is_stored() throws Exception {
        long before = procedures();

        record(kneeCryoneurolysis(UUID.randomUUID(), 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("patient-not-known"));

        assertThat(procedures()).isEqualTo(before);
    }

    @Test
    void a_not_eligible_patient_is_refused_until_a_proceduralist_overrides_the_screening() throws Exception {
        UUID patientId = patients.screened("NOT_ELIGIBLE", null);

        record(kneeCryoneurolysis(patientId, 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("patient-not-eligible"));

        patients.screen(patientId, UUID.randomUUID(), "NOT_ELIGIBLE", "ELIGIBLE");
        record(kneeCryoneurolysis(patientId, 0)).andExpect(status().isCreated());
    }

    @Test
    void a_temperature_outside_the_typical_window_is_accepted_with_a_warning_kept_on_the_record() throws Exception {
        UUID patientId = patients.registered();

        String id = body(record(withCryo(kneeCryoneurolysis(patientId, 0), "probeTemperatureCelsius", -40))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].field").value("cryo.probeTemperatureCelsius"))
                .andExpect(jsonPath("$.warnings[0].code").exists())).get("id").asString();

        mvc.perform(get("/api/procedures/{id}", id).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$.warnings[0].field").value("cryo.probeTemperatureCelsius"));
    }

    @Test
    void repeats_on_the_same_nerves_are_numbered_and_an_early_one_is_flagged() throws Exception {
        UUID patientId = patients.registered();
        String first = body(record(kneeCryoneurolysis(patientId, 400))).get("id").asString();
        String second = body(record(kneeCryoneurolysis(patientId, 200))).get("id").asString();

        record(kneeCryoneurolysis(patientId, 140))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.treatmentNumber").value(3))
                .andExpect(jsonPath("$.previousProcedureId").value(second))
                .andExpect(jsonPath("$.daysSincePrevious").value(60))
                .andExpect(jsonPath("$.earlyRepeat").value(true));
        mvc.perform(get("/api/procedures/{id}", second).with(ClinicJwt.proceduralist()))
                .andExpect(jsonPath("$.treatmentNumber").value(2))
                .andExpect(jsonPath("$.previousProcedureId").value(first))
                .andExpect(jsonPath("$.daysSincePrevious").value(200))
                .andExpect(jsonPath("$.earlyRepeat").value(false));
    }

    private ResultActions record(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long procedures() {
        return jdbc.sql("SELECT count(*) FROM procedure").query(Long.class).single();
    }
}
