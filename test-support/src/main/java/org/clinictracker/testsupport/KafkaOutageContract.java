package org.clinictracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox promise every producing service must keep: a change committed while Kafka is unreachable
 * still reaches Kafka, exactly once, when it is back. The service is told to find Kafka behind a link
 * that stays unplugged until the change has committed and its event has failed to go out. A service
 * proves it by extending this class with the change it makes and the event that change causes.
 * Meanwhile the service stays ready (Kafka is not part of its readiness) and its outbox backlog shows the
 * waiting event.
 */
@SpringBootTest(properties = {
        "clinic.test.schema=kafka_outage_test", // its own outbox, so no other test context's relay can send its events
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.admin.operation-timeout=2s" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, TestTokenIssuerInitializer.class })
@DirtiesContext
public abstract class KafkaOutageContract {

    /**
     * The broker publishes its address in these system properties, which the shared {@code @ClinicServiceTest}
     * contexts of the same JVM read too: they get their own broker's address back when this class is done.
     */
    private static final List<String> BROKER_PROPERTIES = List.of("spring.kafka.bootstrap-servers",
            "spring.embedded.kafka.brokers");
    private static final Map<String, String> PROPERTIES_BEFORE = new HashMap<>();

    static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 1);
    static final UnpluggableLink LINK_TO_KAFKA;

    static {
        BROKER_PROPERTIES.forEach(name -> PROPERTIES_BEFORE.put(name, System.getProperty(name)));
        KAFKA.afterPropertiesSet();
        String[] hostAndPort = KAFKA.getBrokersAsString().split(",")[0].split(":");
        LINK_TO_KAFKA = UnpluggableLink.to(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
    }

    @DynamicPropertySource
    static void kafkaBehindTheLink(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", LINK_TO_KAFKA::address);
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private MockMvc mockMvc;

    @Autowired
    private MeterRegistry meters;

    @AfterAll
    static void stopKafka() {
        LINK_TO_KAFKA.close();
        KAFKA.destroy();
        PROPERTIES_BEFORE.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    /** Makes a change through the service's API while Kafka is unreachable; returns the patient it concerns. */
    protected abstract UUID changeWhileKafkaIsDown() throws Exception;

    /** The topic and type of the event that change causes. */
    protected abstract String topic();

    protected abstract String eventType();

    @Test
    void a_change_committed_while_kafka_is_down_reaches_kafka_exactly_once_when_it_is_back() throws Exception {
        // Events left by an earlier, interrupted run would be sent first and hold this one back.
        jdbc.sql("DELETE FROM outbox_event").update();
        UUID patientId = changeWhileKafkaIsDown();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> row = outboxRowOf(patientId);
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat((String) row.get("last_error")).isNotBlank();
        });
        // still ready: it takes writes while Kafka is away, so a probe must not take it out of service
        mockMvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        assertThat(meters.get("clinic.outbox.backlog").gauge().value()).as("outbox backlog").isGreaterThanOrEqualTo(1);

        LINK_TO_KAFKA.plugIn();

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "PUBLISHED".equals(outboxRowOf(patientId).get("status")));
        try (TopicProbe topic = TopicProbe.on(KAFKA.getBrokersAsString(), topic())) {
            List<String> delivered = topic.allRecordsFor(patientId);
            assertThat(delivered).hasSize(1);
            EventSchemas.assertConforms(topic(), eventType(), delivered.get(0));
        }
    }

    private Map<String, Object> outboxRowOf(UUID patientId) {
        return jdbc.sql("SELECT status, attempts, last_error FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .param(patientId.toString()).param(eventType()).query().singleRow();
    }
}
