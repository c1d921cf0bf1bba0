package org.clinictracker.patients.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.tracing.TraceParents;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The trace of a registration (continued from the gateway's {@code traceparent}) goes with its event into the
 * outbox and out on Kafka, so the services that consume it log the same trace id.
 */
@ClinicServiceTest
class EventTracingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void the_registered_event_carries_the_trace_of_the_registration_request() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String gatewaySpanId = HexFormat.of().formatHex(randomBytes(8));

        String body = mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .header(TraceParents.HEADER, "00-" + traceId + "-" + gatewaySpanId + "-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(registration(uniqueFamilyName()))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        UUID patientId = UUID.fromString(json.readTree(body).get("id").asString());

        try (TopicProbe probe = TopicProbe.on(bootstrapServers, Topics.PATIENTS)) {
            ConsumerRecord<String, String> event = probe.awaitConsumerRecord(patientId,
                    value -> value.contains("PatientRegistered"), Duration.ofSeconds(15));
            Header traceParent = event.headers().lastHeader(TraceParents.HEADER);
            assertThat(traceParent).as("traceparent header").isNotNull();
            // same trace; the parent is the service's own request span, a child of the gateway's
            assertThat(new String(traceParent.value(), StandardCharsets.US_ASCII))
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(gatewaySpanId);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // an all-zero id is invalid
        return bytes;
    }
}
