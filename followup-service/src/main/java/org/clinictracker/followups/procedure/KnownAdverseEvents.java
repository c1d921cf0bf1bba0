package org.clinictracker.followups.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complications followup-service knows (table {@code known_adverse_event}): the latest version of each.
 * Whether one was ever reported serious is kept apart ({@code serious_since}): a serious complication earns
 * the patient an early check even if a later version, or one arriving out of order, says otherwise.
 */
@Repository
public class KnownAdverseEvents {

    private final JdbcClient jdbc;

    KnownAdverseEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code event} if newer than the version kept; marks it serious since {@code reportedOn} the first time it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keepNewer(KnownAdverseEvent event, LocalDate reportedOn) {
        jdbc.sql("""
                INSERT INTO known_adverse_event (id, procedure_id, patient_id, type, severity, serious, onset_on, outcome,
                                                 resolved_on, version)
                VALUES (:id, :procedureId, :patientId, :type, :severity, :serious, :onsetOn, :outcome, :resolvedOn, :version)
                ON CONFLICT (id) DO UPDATE SET
                    type = EXCLUDED.type, severity = EXCLUDED.severity, serious = EXCLUDED.serious,
                    onset_on = EXCLUDED.onset_on, outcome = EXCLUDED.outcome, resolved_on = EXCLUDED.resolved_on,
                    version = EXCLUDED.version
                WHERE known_adverse_event.version < EXCLUDED.version""")
                .param("id", event.id())
                .param("procedureId", event.procedureId())
                .param("patientId", event.patientId())
                .param("type", event.type())
                .param("severity", event.severity())
                .param("serious", event.serious())
                .param("onsetOn", event.onsetOn())
                .param("outcome", event.outcome())
                .param("resolvedOn", event.resolvedOn())
                .param("version", event.version())
                .update();
        if (event.serious()) {
            jdbc.sql("UPDATE known_adverse_event SET serious_since = ? WHERE id = ? AND serious_since IS NULL")
                    .param(reportedOn).param(event.id()).update();
        }
    }

    /** The procedure's complications that were ever reported serious, in the order they were. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<KnownAdverseEvent> everSerious(UUID procedureId) {
        return jdbc.sql("""
                SELECT id, procedure_id, patient_id, type, severity, serious, onset_on, outcome, resolved_on, version,
                       serious_since
                FROM known_adverse_event WHERE procedure_id = ? AND serious_since IS NOT NULL
                ORDER BY serious_since, id""")
                .param(procedureId)
                .query((rs, row) -> new KnownAdverseEvent(rs.getObject("id", UUID.class),
                        rs.getObject("procedure_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("type"), rs.getString("severity"), rs.getBoolean("serious"),
                        rs.getObject("onset_on", LocalDate.class), rs.getString("outcome"),
                        rs.getObject("resolved_on", LocalDate.class), rs.getInt("version"),
                        rs.getObject("serious_since", LocalDate.class)))
                .list();
    }
}
