package org.clinictracker.procedures.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.clinictracker.procedures.rules.Warning;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Procedures (table {@code procedure}) and every version of them (table {@code procedure_version}). */
@Repository
public class ProcedureRepository {

    private static final String COLUMNS = """
            p.id, p.version, p.details, p.performed_by, p.warnings, p.treatment_number, p.previous_procedure_id,
            p.days_since_previous, p.early_repeat, p.recorded_at, p.recorded_by, p.amended_at, p.amended_by""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProcedureRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(ProcedureRecord record) {
        jdbc.sql("""
                INSERT INTO procedure (id, patient_id, version, performed_at, performed_by, modality, details, warnings,
                    treatment_number, previous_procedure_id, days_since_previous, early_repeat, recorded_at, recorded_by)
                VALUES (:id, :patientId, :version, :performedAt, :performedBy, :modality, CAST(:details AS jsonb),
                    CAST(:warnings AS jsonb), :treatmentNumber, :previousProcedureId, :daysSincePrevious, :earlyRepeat,
                    :recordedAt, :recordedBy)""")
                .params(parameters(record))
                .update();
    }

    /** Writes the amended record only if it is still at {@code expectedVersion}; false if someone amended it first. */
    public boolean update(ProcedureRecord record, int expectedVersion) {
        Map<String, Object> params = parameters(record);
        params.put("expectedVersion", expectedVersion);
        params.put("amendedAt", Timestamp.from(record.amendedAt()));
        params.put("amendedBy", record.amendedBy());
        return jdbc.sql("""
                UPDATE procedure SET version = :version, performed_at = :performedAt, modality = :modality,
                    details = CAST(:details AS jsonb), warnings = CAST(:warnings AS jsonb),
                    treatment_number = :treatmentNumber, previous_procedure_id = :previousProcedureId,
                    days_since_previous = :daysSincePrevious, early_repeat = :earlyRepeat,
                    amended_at = :amendedAt, amended_by = :amendedBy
                WHERE id = :id AND version = :expectedVersion""")
                .params(params)
                .update() == 1;
    }

    public void insertVersion(UUID procedureId, int version, ProcedureView view, String amendmentReason, String author,
            Instant at) {
        jdbc.sql("""
                INSERT INTO procedure_version (procedure_id, version, record, amendment_reason, author, at)
                VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)""")
                .param(procedureId).param(version).param(json.writeValueAsString(view)).param(amendmentReason)
                .param(author).param(Timestamp.from(at))
                .update();
    }

    public List<ProcedureVersion> versions(UUID procedureId) {
        return jdbc.sql("""
                SELECT version, record::text AS record, amendment_reason, author, at FROM procedure_version
                WHERE procedure_id = ? ORDER BY version""")
                .param(procedureId)
                .query((rs, row) -> new ProcedureVersion(rs.getInt("version"), rs.getString("amendment_reason"),
                        rs.getString("author"), rs.getTimestamp("at").toInstant(),
                        json.readValue(rs.getString("record"), ProcedureView.class)))
                .list();
    }

    public Optional<ProcedureRecord> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure p WHERE p.id = ?").param(id).query(this::mapRow).optional();
    }

    /**
     * Serialises the writes that shape one patient's treatment chain (recording, amending) until the
     * transaction ends, so two of them never number against the same stale chain.
     */
    public void lockChainOf(UUID patientId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("procedure-chain|" + patientId)
                .query().singleRow();
    }

    /** All of a patient's procedures, every modality: the chain repeat linkage works out. */
    public List<ProcedureRecord> ofPatient(UUID patientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure p WHERE p.patient_id = ? ORDER BY p.performed_at, p.id")
                .param(patientId)
                .query(this::mapRow).list();
    }

    public record Filter(UUID patientId, Instant from, Instant to, Modality modality, String nerve, String clinician,
            Boolean seriousAdverseEvent) {
    }

    public List<ProcedureRecord> list(Filter filter, PageRequest page) {
        Where where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure p" + where.sql()
                        + " ORDER BY p.performed_at DESC, p.id LIMIT ? OFFSET ?")
                .params(where.params()).param(page.size()).param(page.offset())
                .query(this::mapRow).list();
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT count(*) FROM procedure p" + where.sql()).params(where.params()).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.patientId() != null) {
            conditions.add("p.patient_id = ?");
            params.add(filter.patientId());
        }
        if (filter.from() != null) {
            conditions.add("p.performed_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("p.performed_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (filter.modality() != null) {
            conditions.add("p.modality = ?");
            params.add(filter.modality().name());
        }
        if (filter.nerve() != null) {
            conditions.add("p.details -> 'targets' @> CAST(? AS jsonb)");
            params.add(json.writeValueAsString(List.of(Map.of("nerve", filter.nerve()))));
        }
        if (filter.clinician() != null) {
            conditions.add("p.performed_by = ?");
            params.add(filter.clinician());
        }
        if (filter.seriousAdverseEvent() != null) {
            conditions.add((filter.seriousAdverseEvent() ? "" : "NOT ")
                    + "EXISTS (SELECT 1 FROM adverse_event a WHERE a.procedure_id = p.id AND a.serious)");
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private Map<String, Object> parameters(ProcedureRecord record) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", record.id());
        params.put("patientId", record.patientId());
        params.put("version", record.version());
        params.put("performedAt", Timestamp.from(record.details().performedAt()));
        params.put("performedBy", record.performedBy());
        params.put("modality", record.details().modality().name());
        params.put("details", json.writeValueAsString(record.details()));
        params.put("warnings", json.writeValueAsString(record.warnings()));
        params.put("treatmentNumber", record.link().treatmentNumber());
        params.put("previousProcedureId", record.link().previousProcedureId());
        params.put("daysSincePrevious", record.link().daysSincePrevious());
        params.put("earlyRepeat", record.link().earlyRepeat());
        params.put("recordedAt", Timestamp.from(record.recordedAt()));
        params.put("recordedBy", record.recordedBy());
        return params;
    }

    private ProcedureRecord mapRow(ResultSet rs, int row) throws SQLException {
        Timestamp amendedAt = rs.getTimestamp("amended_at");
        return new ProcedureRecord(rs.getObject("id", UUID.class), rs.getInt("version"),
                json.readValue(rs.getString("details"), ProcedureDetails.class), rs.getString("performed_by"),
                json.readValue(rs.getString("warnings"), new TypeReference<List<Warning>>() { }),
                new RepeatLinkage.Link(rs.getInt("treatment_number"), rs.getObject("previous_procedure_id", UUID.class),
                        rs.getObject("days_since_previous", Integer.class), rs.getBoolean("early_repeat")),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                amendedAt == null ? null : amendedAt.toInstant(), rs.getString("amended_by"));
    }
}
