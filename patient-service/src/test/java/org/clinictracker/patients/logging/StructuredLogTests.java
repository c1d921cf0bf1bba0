package org.clinictracker.patients.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.TestDatabaseInitializer;
import org.clinictracker.testsupport.TestTokenIssuerInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs (Docker, Kubernetes) every line is one JSON object a log shipper can
 * index. A context of its own (the log format is set at start-up) without a broker of its own: a second embedded
 * broker would move the JVM's {@code spring.kafka.bootstrap-servers} away from the shared test context's. The line
 * looked at is written with the outbox row, before any Kafka send; this context's relay is kept idle.
 */
@SpringBootTest(properties = { "logging.structured.format.console=ecs",
        "logging.level.org.clinictracker.platform.outbox=INFO",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.admin.operation-timeout=2s",
        "clinic.outbox.poll-interval=1h" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, TestTokenIssuerInitializer.class })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void a_line_carries_the_trace_and_request_ids_as_fields_and_no_patient_data(CapturedOutput output) throws Exception {
        String familyName = uniqueFamilyName();
        String traceId = "5a1f3c0e9b7d4e2fa8c6b4d2e0f1a3c5";
        String requestId = "json-log-" + UUID.randomUUID();
        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .header("traceparent", "00-" + traceId + "-1b2c3d4e5f607182-01")
                        .header("X-Request-Id", requestId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(registration(familyName))))
                .andExpect(status().isCreated());

        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().lines()
                .filter(candidate -> candidate.contains("written to the outbox") && candidate.contains(traceId))
                .findFirst().map(json::readTree), Optional::isPresent).orElseThrow();

        assertThat(line.path("traceId").asString()).isEqualTo(traceId);
        assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
        assertThat(line.path("requestId").asString()).isEqualTo(requestId);
        assertThat(line.path("service").path("name").asString()).isEqualTo("patient-service");
        assertThat(line.path("message").asString()).contains("(PatientRegistered)");
        assertThat(output.getOut()).as("the log").doesNotContain(familyName);
    }
}
