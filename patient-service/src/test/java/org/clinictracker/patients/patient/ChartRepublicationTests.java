package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;

import java.util.List;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pending republication publishes every chart once more as PatientUpdated at its current version, with the fields
 * the other services were never sent (issue 12: the first name and e-mail address), and only once.
 */
@ClinicServiceTest
class ChartRepublicationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChartRepublication republication;

    PatientApi api;

    @BeforeEach
    void setUp() {
        api = new PatientApi(mvc, json);
    }

    @Test
    void every_chart_is_published_once_more_with_its_first_name_and_email_and_only_once() throws Exception {
        UUID patientId = api.registerId(registration("Ingrid", "Øvergård" + uniqueFamilyName()));
        assertThat(jdbc.sql("SELECT count(*) FROM event_republish WHERE done_at IS NULL").query(Long.class).single())
                .as("the migration's request was done when the service started").isZero();
        long before = lastSeq();
        jdbc.sql("INSERT INTO event_republish (name, reason) VALUES (?, 'a test')")
                .param("test-" + UUID.randomUUID()).update();

        republication.run(null);

        long charts = jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
        List<String> published = jdbc.sql("""
                SELECT payload::text FROM outbox_event WHERE seq > ? AND event_type = 'PatientUpdated' ORDER BY seq""")
                .param(before).query(String.class).list();
        assertThat(published).hasSize((int) charts);
        String ingrid = published.stream().filter(payload -> payload.contains(patientId.toString())).findFirst()
                .orElseThrow();
        EventSchemas.assertConforms(Topics.PATIENTS, "PatientUpdated", ingrid);
        JsonNode data = json.readTree(ingrid).get("data");
        assertThat(data.get("givenName").asString()).isEqualTo("Ingrid");
        assertThat(data.get("email").asString()).isNotBlank();
        assertThat(data.get("version").asInt()).as("the chart's own version, not a new one").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_republish WHERE done_at IS NULL").query(Long.class).single())
                .isZero();

        long after = lastSeq();
        republication.run(null);
        assertThat(lastSeq()).as("nothing pending: nothing published again").isEqualTo(after);
    }

    private long lastSeq() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM outbox_event").query(Long.class).single();
    }
}
