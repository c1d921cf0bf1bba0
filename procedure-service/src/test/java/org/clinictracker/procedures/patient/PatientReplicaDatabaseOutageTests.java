package org.clinictracker.procedures.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TestDatabaseInitializer;
import org.clinictracker.testsupport.TestTokenIssuerInitializer;
import org.clinictracker.testsupport.TopicProbe;
import org.clinictracker.testsupport.UnpluggableLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.json.JsonMapper;

/**
 * A good event that arrives while PostgreSQL is unreachable waits for it, however long that takes, and
 * is applied once it is back: it is never parked as if it were poison. The service reaches its
 * database through a link the test pulls out.
 */
@SpringBootTest(properties = {
        "clinic.test.schema=patient_replica_outage_test", // its own tables: nothing else shares this outage
        "clinic.outbox.poll-interval=1h", // keep the outbox relay quiet while the database is away
        "spring.datasource.hikari.connection-timeout=1000" })
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, TestTokenIssuerInitializer.class,
        PatientReplicaDatabaseOutageTests.DatabaseBehindLink.class })
@DirtiesContext
class PatientReplicaDatabaseOutageTests {

    static volatile UnpluggableLink linkToDatabase;

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    KnownPatients knownPatients;

    @AfterAll
    static void closeLink() {
        if (linkToDatabase != null) {
            linkToDatabase.close();
        }
    }

    @Test
    void anEventArrivingWhileTheDatabaseIsDownIsAppliedWhenItIsBack() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
                TopicProbe deadLetters = TopicProbe.on(kafka.getBrokersAsString(), PatientEventsConsumerConfig.DEAD_LETTER_TOPIC)) {
            UUID first = UUID.randomUUID();
            publish(producer, first);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> knownPatients.find(first).isPresent());

            linkToDatabase.unplug();
            UUID during = UUID.randomUUID();
            publish(producer, during);
            // longer than the few quick retries after which any other failure is parked
            Awaitility.await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                    .until(() -> deadLetters.allRecordsFor(during).isEmpty());

            linkToDatabase.plugIn();
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> knownPatients.find(during).isPresent());
            assertThat(deadLetters.allRecordsFor(during)).isEmpty();
        }
    }

    private void publish(KafkaProducer<String, String> producer, UUID patientId) {
        PatientRegistered registration = new PatientRegistered(patientId, "CT-" + (100000 + (int) (Math.random() * 900000)) + "-1",
                "Silva, Maria", LocalDate.of(1958, 3, 2), "FEMALE", null, 0, null, null, null, null);
        String value = json.writeValueAsString(EventEnvelope.of(patientId, registration, Instant.now()));
        EventSchemas.assertConforms(Topics.PATIENTS, "PatientRegistered", value);
        try {
            producer.send(new ProducerRecord<>(Topics.PATIENTS, patientId.toString(), value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + Topics.PATIENTS, e);
        }
    }

    /** Runs after {@link TestDatabaseInitializer}: the same database, reached through a link the test controls. */
    static final class DatabaseBehindLink implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^:/?]+):(\\d+)/");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
            Matcher server = HOST_AND_PORT.matcher(url);
            if (!server.find()) {
                throw new IllegalStateException("Expected a jdbc:postgresql://host:port/ URL");
            }
            UnpluggableLink link = UnpluggableLink.to(server.group(1), Integer.parseInt(server.group(2)));
            link.plugIn();
            linkToDatabase = link;
            String throughLink = "jdbc:postgresql://" + link.address() + "/" + url.substring(server.end());
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("databaseBehindLink", Map.of("spring.datasource.url", throughLink)));
        }
    }
}
