package org.clinictracker.patients.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.clinictracker.testsupport.ClinicServiceTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Screenings recorded before screenings followed the modality get a verdict per modality from the
 * migration: the recorded one, except that cryoneurolysis now weighs the cold-specific answer that a
 * screening planned for RFA or a block ignored. Run in a schema of its own, migrated step by step.
 */
@ClinicServiceTest
class ScreeningMigrationTests {

    private final String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    @Test
    void screenings_recorded_before_get_a_verdict_per_modality_that_weighs_cold_intolerance_for_cryoneurolysis() {
        flyway().target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID patientId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO %s.patient (id, mrn, version, given_name, family_name, duplicate_key, name_words, birth_date,
                                        sex, registered_at, registered_by, updated_at, updated_by)
                VALUES (?, 'CT-000001-8', 0, 'Maria', 'Silva', 'maria silva', ' maria silva', DATE '1958-03-02',
                        'FEMALE', now(), 'frontdesk1', now(), 'frontdesk1')""".formatted(schema))
                .param(patientId).update();
        UUID coldForRfa = screening(jdbc, patientId, "{\"coldIntolerance\":true,\"plannedModality\":\"RADIOFREQUENCY_ABLATION\"}",
                "ELIGIBLE", "[]", "[]");
        UUID coldUnaskedForBlock = screening(jdbc, patientId, "{\"coldIntolerance\":null,\"plannedModality\":\"NERVE_BLOCK\"}",
                "ELIGIBLE", "[]", "[]");
        UUID infection = screening(jdbc, patientId, "{\"activeInfection\":true,\"coldIntolerance\":false}",
                "NOT_ELIGIBLE", "[\"ACTIVE_INFECTION\"]", "[]");

        flyway().load().migrate();

        assertThat(results(jdbc, coldForRfa)).containsExactly("NOT_ELIGIBLE", "ELIGIBLE", "ELIGIBLE");
        assertThat(results(jdbc, coldUnaskedForBlock)).containsExactly("NEEDS_REVIEW", "ELIGIBLE", "ELIGIBLE");
        assertThat(results(jdbc, infection)).containsExactly("NOT_ELIGIBLE", "NOT_ELIGIBLE", "NOT_ELIGIBLE");
        Map<String, Object> cryo = jdbc.sql("""
                SELECT modality_results -> 0 ->> 'modality' AS modality,
                       modality_results -> 0 -> 'unanswered' @> '["coldIntolerance"]' AS asked
                FROM %s.screening WHERE id = ?""".formatted(schema)).param(coldUnaskedForBlock).query().singleRow();
        assertThat(cryo).containsEntry("modality", "CRYONEUROLYSIS").containsEntry("asked", true);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(schema)
                .locations("classpath:db/migration", "classpath:db/platform");
    }

    private UUID screening(JdbcClient jdbc, UUID patientId, String answers, String result, String reasons,
            String unanswered) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO %s.screening (id, patient_id, answers, result, reason_codes, unanswered, screened_at, screened_by)
                VALUES (?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), CAST(? AS jsonb), now(), 'frontdesk1')"""
                .formatted(schema))
                .param(id).param(patientId).param(answers).param(result).param(reasons).param(unanswered).update();
        return id;
    }

    private List<String> results(JdbcClient jdbc, UUID screeningId) {
        return jdbc.sql("""
                SELECT m ->> 'result' FROM %s.screening, jsonb_array_elements(modality_results) WITH ORDINALITY AS e(m, n)
                WHERE id = ? ORDER BY n""".formatted(schema)).param(screeningId).query(String.class).list();
    }
}
