package org.clinictracker.followups.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The procedures followup-service knows (table {@code known_procedure}): the latest version of each, as
 * procedure-service published it. A version that is not newer than the one kept changes nothing, so
 * duplicates and late arrivals are harmless.
 */
@Repository
public class KnownProcedures {

    private static final TypeReference<List<TreatedTarget>> TARGETS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KnownProcedures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Optional<KnownProcedure> find(UUID procedureId) {
        return jdbc.sql("""
                SELECT id, patient_id, performed_at, modality, indication_code, targets::text AS targets, pain_before,
                       treatment_number, previous_procedure_id, early_repeat, version
                FROM known_procedure WHERE id = ?""")
                .param(procedureId).query(this::mapRow).optional();
    }

    /** Keeps {@code procedure} if it is newer than the version kept (or the first); true if it was kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean keepNewer(KnownProcedure procedure) {
        return jdbc.sql("""
                INSERT INTO known_procedure (id, patient_id, performed_at, modality, indication_code, targets,
                                             pain_before, treatment_number, previous_procedure_id, early_repeat, version)
                VALUES (:id, :patientId, :performedAt, :modality, :indicationCode, CAST(:targets AS jsonb),
                        :painBefore, :treatmentNumber, :previousProcedureId, :earlyRepeat, :version)
                ON CONFLICT (id) DO UPDATE SET
                    performed_at = EXCLUDED.performed_at, modality = EXCLUDED.modality,
                    indication_code = EXCLUDED.indication_code, targets = EXCLUDED.targets,
                    pain_before = EXCLUDED.pain_before, treatment_number = EXCLUDED.treatment_number,
                    previous_procedure_id = EXCLUDED.previous_procedure_id, early_repeat = EXCLUDED.early_repeat,
                    version = EXCLUDED.version
                WHERE known_procedure.version < EXCLUDED.version""")
                .param("id", procedure.id())
                .param("patientId", procedure.patientId())
                .param("performedAt", Timestamp.from(procedure.performedAt()))
                .param("modality", procedure.modality().name())
                .param("indicationCode", procedure.indicationCode())
                .param("targets", json.writeValueAsString(procedure.targets()))
                .param("painBefore", procedure.painBefore())
                .param("treatmentNumber", procedure.treatmentNumber())
                .param("previousProcedureId", procedure.previousProcedureId())
                .param("earlyRepeat", procedure.earlyRepeat())
                .param("version", procedure.version())
                .update() == 1;
    }

    private KnownProcedure mapRow(ResultSet rs, int row) throws SQLException {
        return new KnownProcedure(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getTimestamp("performed_at").toInstant(), Modality.valueOf(rs.getString("modality")),
                rs.getString("indication_code"), json.readValue(rs.getString("targets"), TARGETS),
                rs.getObject("pain_before", Integer.class), rs.getInt("treatment_number"),
                rs.getObject("previous_procedure_id", UUID.class), rs.getBoolean("early_repeat"), rs.getInt("version"));
    }
}
