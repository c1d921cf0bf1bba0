package org.clinictracker.followups.events;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.followups.Plans;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.KafkaOutageContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** An outcome documented while Kafka is unreachable is announced once Kafka is back, exactly once. */
class KafkaOutageTests extends KafkaOutageContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Plans plans;

    @Override
    protected UUID changeWhileKafkaIsDown() throws Exception {
        // The plan came while Kafka was up (started directly here: the consumer cannot run while it is down).
        UUID patientId = plans.patient("Silva, Maria", 7);
        UUID planId = plans.start(Plans.kneeCryo(patientId, LocalDate.now().minusDays(14)));
        jdbc.sql("DELETE FROM outbox_event").update(); // FollowUpPlanCreated is not what this test waits for
        mvc.perform(post("/api/followups/{id}/outcome", plans.visit(planId, "WEEK_2")).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("painScore", 3, "reliefPercent", 60))))
                .andExpect(status().isCreated());
        return patientId;
    }

    @Override
    protected String topic() {
        return Topics.FOLLOWUPS;
    }

    @Override
    protected String eventType() {
        return "FollowUpCompleted";
    }
}
