package org.clinictracker.followups.repeat;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.outcome.WaningReason;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Repeat-treatment candidates (table {@code repeat_candidate}) with what their list shows of patient and plan. */
@Repository
class RepeatCandidateRepository {

    private static final TypeReference<List<TreatedTarget>> TARGETS = new TypeReference<>() {
    };

    private static final String SELECT = """
            SELECT c.id, c.patient_id, c.procedure_id, c.plan_id, c.visit_id, c.reasons, c.created_at, c.status,
                   c.decided_by, c.decided_at, c.decision_reason, c.repeat_procedure_id, c.version,
                   k.mrn, k.display_name, p.modality, p.treatment_number, r.targets::text AS targets
            FROM repeat_candidate c JOIN follow_up_plan p ON p.id = c.plan_id
            LEFT JOIN known_patient k ON k.id = c.patient_id
            LEFT JOIN known_procedure r ON r.id = c.procedure_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RepeatCandidateRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The plan's first outcome showing waning relief (in assessment order). */
    record FirstWaning(UUID visitId, List<String> reasons) {
    }

    Optional<FirstWaning> firstWaning(UUID planId) {
        return jdbc.sql("""
                SELECT visit_id, waning_reasons FROM follow_up_outcome WHERE plan_id = ? AND waning_relief
                ORDER BY assessed_on, recorded_at, visit_id LIMIT 1""")
                .param(planId)
                .query((rs, row) -> new FirstWaning(rs.getObject("visit_id", UUID.class), texts(rs, "waning_reasons")))
                .optional();
    }

    /** Whether a later plan already follows up a repeat of this procedure (linked by treatment number). */
    boolean repeatedAlready(UUID procedureId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM follow_up_plan WHERE previous_procedure_id = ?)")
                .param(procedureId).query(Boolean.class).single();
    }

    /** Inserts the plan's candidate unless it has one; false when it had. */
    boolean insert(UUID id, UUID planId, UUID patientId, UUID procedureId, FirstWaning waning, Instant createdAt) {
        return jdbc.sql("""
                INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING""")
                .param(id).param(planId).param(patientId).param(procedureId).param(waning.visitId())
                .param(waning.reasons().toArray(String[]::new)).param(Timestamp.from(createdAt))
                .update() == 1;
    }

    Optional<RepeatCandidate> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(this::candidate).optional();
    }

    /** The candidate's row locked, so that two decisions on it are taken one after the other. */
    Optional<RepeatCandidate> lock(UUID id) {
        return jdbc.sql(SELECT + "WHERE c.id = ? FOR UPDATE OF c").param(id).query(this::candidate).optional();
    }

    PageOf<RepeatCandidate> list(RepeatStatus status, UUID patientId, PageRequest page) {
        StringBuilder where = new StringBuilder("WHERE true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" AND c.status = ?");
            params.add(status.name());
        }
        if (patientId != null) {
            where.append(" AND c.patient_id = ?");
            params.add(patientId);
        }
        long total = jdbc.sql("SELECT count(*) FROM repeat_candidate c " + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.addAll(List.of(page.size(), page.offset()));
        // oldest first: the patient who has waited longest for a decision comes first
        List<RepeatCandidate> content = jdbc.sql(SELECT + where + " ORDER BY c.created_at, c.id LIMIT ? OFFSET ?")
                .params(pageParams).query(this::candidate).list();
        return PageOf.of(content, page, total);
    }

    void decide(UUID id, RepeatStatus status, String decidedBy, Instant decidedAt, String reason) {
        jdbc.sql("""
                UPDATE repeat_candidate SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
                    version = version + 1 WHERE id = ?""")
                .param(status.name()).param(decidedBy).param(Timestamp.from(decidedAt)).param(reason).param(id)
                .update();
    }

    void markRepeated(UUID id, UUID repeatProcedureId, Instant at) {
        jdbc.sql("""
                UPDATE repeat_candidate SET status = 'REPEATED', repeat_procedure_id = ?, decided_at = ?,
                    version = version + 1 WHERE id = ?""")
                .param(repeatProcedureId).param(Timestamp.from(at)).param(id)
                .update();
    }

    /** A candidate still waiting for its repeat, with the day and targets of its procedure. */
    record Waiting(UUID id, UUID procedureId, LocalDate performedOn, List<TreatedTarget> targets) {
    }

    /** The patient's candidates still waiting for a repeat (open or consult booked), locked. */
    List<Waiting> lockWaiting(UUID patientId, UUID exceptProcedureId) {
        return jdbc.sql("""
                SELECT c.id, c.procedure_id, p.performed_on, r.targets::text AS targets
                FROM repeat_candidate c JOIN follow_up_plan p ON p.id = c.plan_id
                LEFT JOIN known_procedure r ON r.id = c.procedure_id
                WHERE c.patient_id = ? AND c.status IN ('OPEN', 'CONSULT_BOOKED') AND c.procedure_id <> ?
                ORDER BY c.created_at FOR UPDATE OF c""")
                .param(patientId).param(exceptProcedureId)
                .query((rs, row) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("procedure_id", UUID.class),
                        rs.getObject("performed_on", LocalDate.class), targets(rs.getString("targets"))))
                .list();
    }

    /** A candidate closed by a repeat, with what re-recommending it needs. */
    record Repeated(UUID id, UUID planId, UUID procedureId, List<String> reasons, LocalDate performedOn,
            List<TreatedTarget> targets) {
    }

    /** The candidates that {@code repeatProcedureId} closed, locked. */
    List<Repeated> lockRepeatedBy(UUID repeatProcedureId) {
        return jdbc.sql("""
                SELECT c.id, c.plan_id, c.procedure_id, c.reasons, p.performed_on, r.targets::text AS targets
                FROM repeat_candidate c JOIN follow_up_plan p ON p.id = c.plan_id
                LEFT JOIN known_procedure r ON r.id = c.procedure_id
                WHERE c.repeat_procedure_id = ? AND c.status = 'REPEATED' FOR UPDATE OF c""")
                .param(repeatProcedureId)
                .query((rs, row) -> new Repeated(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("procedure_id", UUID.class), texts(rs, "reasons"),
                        rs.getObject("performed_on", LocalDate.class), targets(rs.getString("targets"))))
                .list();
    }

    /** Open again, as waning relief left it: the earlier decision was about a repeat that turned out not to be one. */
    void reopen(UUID id) {
        jdbc.sql("""
                UPDATE repeat_candidate SET status = 'OPEN', repeat_procedure_id = NULL, decided_by = NULL,
                    decided_at = NULL, decision_reason = NULL, version = version + 1 WHERE id = ?""")
                .param(id).update();
    }

    /** The day a procedure's plan counts from and its targets (none if procedure-service's record is not here yet). */
    record Treated(LocalDate performedOn, List<TreatedTarget> targets) {
    }

    Optional<Treated> treated(UUID procedureId) {
        return jdbc.sql("""
                SELECT p.performed_on, r.targets::text AS targets FROM follow_up_plan p
                LEFT JOIN known_procedure r ON r.id = p.procedure_id WHERE p.procedure_id = ?""")
                .param(procedureId)
                .query((rs, row) -> new Treated(rs.getObject("performed_on", LocalDate.class), targets(rs.getString("targets"))))
                .optional();
    }

    private RepeatCandidate candidate(ResultSet rs, int row) throws SQLException {
        List<String> reasons = texts(rs, "reasons");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        String targets = rs.getString("targets");
        return new RepeatCandidate(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("procedure_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("visit_id", UUID.class), reasonText(reasons), reasons,
                rs.getTimestamp("created_at").toInstant(), RepeatStatus.valueOf(rs.getString("status")),
                rs.getString("mrn"), rs.getString("display_name"), rs.getString("modality"),
                (Integer) rs.getObject("treatment_number"), targets == null ? null : targets(targets),
                rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_reason"), rs.getObject("repeat_procedure_id", UUID.class), rs.getInt("version"));
    }

    private List<TreatedTarget> targets(String text) {
        return text == null ? List.of() : json.readValue(text, TARGETS);
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }

    /** The reasons as a coordinator reads them, e.g. "relief below 50 %; pain up 2 points or more from its best". */
    static String reasonText(List<String> codes) {
        return String.join("; ", codes.stream().map(code -> Arrays.stream(WaningReason.values())
                .filter(reason -> reason.name().equals(code)).findFirst().map(WaningReason::text).orElse(code))
                .toList());
    }
}
