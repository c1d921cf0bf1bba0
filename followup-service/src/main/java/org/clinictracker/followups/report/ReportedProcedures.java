package org.clinictracker.followups.report;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.followups.report.ReportedProcedure.AdverseEvents;
import org.clinictracker.followups.report.ReportedProcedure.WindowFacts;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The procedures in a report's scope, one row each, aggregated in PostgreSQL: one pass over their outcomes picks
 * the latest in each window (DISTINCT ON) and the latest of all, so Java only groups ~one small row per procedure.
 * The scope is narrowed by indexes ({@code V2026112691_1}): the plans' day, the replica's modality and indication,
 * and a GIN index on the targets for a nerve.
 */
@Repository
class ReportedProcedures {

    /** The report's windows as a VALUES list (month, first day, last day), from {@link ReportWindow}. */
    private static final String WINDOWS = Arrays.stream(ReportWindow.values())
            .map(w -> "(" + w.month() + ", " + w.firstDay() + ", " + w.lastDay() + ")")
            .collect(Collectors.joining(", ", "(VALUES ", ") AS w (month, first_day, last_day)"));

    /** The window columns of the final SELECT: did it have an outcome, and that outcome's figures. */
    private static final String WINDOW_COLUMNS = Arrays.stream(ReportWindow.values())
            .map(w -> "m%1$d.plan_id IS NOT NULL AS m%1$d_outcome, m%1$d.responder AS m%1$d_responder, m%1$d.pain_score AS m%1$d_pain, m%1$d.opioid_mme_per_day AS m%1$d_mme"
                    .formatted(w.month()))
            .collect(Collectors.joining(",\n       "));

    private static final String WINDOW_JOINS = Arrays.stream(ReportWindow.values())
            .map(w -> "LEFT JOIN windowed m%1$d ON m%1$d.plan_id = s.plan_id AND m%1$d.month = %1$d".formatted(w.month()))
            .collect(Collectors.joining("\n"));

    /** The scope: plans with their procedure's replica; %s = the filters present. */
    private static final String SCOPE = """
            scope AS MATERIALIZED (
                SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
                       p.protocol_version, k.modality, k.indication_code, k.targets, p.baseline_pain_score,
                       p.responder_since, p.relief_ended_on, p.previous_procedure_id
                FROM follow_up_plan p JOIN known_procedure k ON k.id = p.procedure_id
                WHERE true%s
            )""";

    static final String PROCEDURES = """
            WITH %s,
            windowed AS (
                SELECT DISTINCT ON (o.plan_id, w.month) o.plan_id, w.month, o.responder, o.pain_score, o.opioid_mme_per_day
                FROM scope s
                JOIN follow_up_outcome o ON o.plan_id = s.plan_id
                JOIN %s ON o.assessed_on - s.performed_on BETWEEN w.first_day AND w.last_day
                ORDER BY o.plan_id, w.month, o.assessed_on DESC, o.recorded_at DESC
            ),
            last_outcome AS (
                SELECT o.plan_id, max(o.assessed_on) AS assessed_on
                FROM scope s JOIN follow_up_outcome o ON o.plan_id = s.plan_id
                GROUP BY o.plan_id
            ),
            repeated AS (
                SELECT n.previous_procedure_id AS procedure_id, min(n.performed_on) AS performed_on
                FROM scope s JOIN follow_up_plan n ON n.previous_procedure_id = s.procedure_id
                GROUP BY n.previous_procedure_id
            )
            SELECT s.procedure_id, s.patient_id, s.performed_on, s.plan_modality, s.protocol_version, s.modality,
                   s.indication_code,
                   ARRAY(SELECT DISTINCT t ->> 'nerve' FROM jsonb_array_elements(s.targets) t
                         WHERE t ->> 'nerve' IS NOT NULL) AS nerves,
                   s.baseline_pain_score, s.responder_since, s.relief_ended_on,
                   s.previous_procedure_id IS NOT NULL AS is_repeat, s.performed_on - prev.performed_on AS days_since_previous,
                   l.assessed_on AS last_outcome_on, r.performed_on AS repeated_on, pt.opioid_mme_per_day AS opioid_before,
                   %s
            FROM scope s
            LEFT JOIN known_patient pt ON pt.id = s.patient_id
            LEFT JOIN follow_up_plan prev ON prev.procedure_id = s.previous_procedure_id
            LEFT JOIN last_outcome l ON l.plan_id = s.plan_id
            LEFT JOIN repeated r ON r.procedure_id = s.procedure_id
            %s""";

    static final String ADVERSE_EVENTS = """
            WITH %s
            SELECT e.procedure_id, e.type, e.serious, count(*) AS events
            FROM scope s JOIN known_adverse_event e ON e.procedure_id = s.procedure_id
            GROUP BY e.procedure_id, e.type, e.serious""";

    private final JdbcClient jdbc;

    ReportedProcedures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every procedure in scope, in no particular order. Call inside one (read-only) transaction. */
    List<ReportedProcedure> inScope(ReportScope scope) {
        Map<String, Object> params = new HashMap<>();
        String scopeSql = SCOPE.formatted(filters(scope, params));
        Map<UUID, List<AdverseEvents>> adverseEvents = adverseEvents(scopeSql, params);
        Map<String, Set<ReportWindow>> planned = plannedWindows();
        return jdbc.sql(PROCEDURES.formatted(scopeSql, WINDOWS, WINDOW_COLUMNS, WINDOW_JOINS))
                .params(params)
                .query((rs, row) -> procedure(rs, planned, adverseEvents))
                .list();
    }

    /** The SQL of the filters present (each " AND ..."), their values put in {@code params}. */
    static String filters(ReportScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (scope.from() != null) {
            where.append(" AND p.performed_on >= :from");
            params.put("from", Date.valueOf(scope.from()));
        }
        if (scope.to() != null) {
            where.append(" AND p.performed_on <= :to");
            params.put("to", Date.valueOf(scope.to()));
        }
        if (scope.modality() != null) {
            where.append(" AND k.modality = :modality");
            params.put("modality", scope.modality().name());
        }
        if (scope.indication() != null) {
            where.append(" AND k.indication_code = :indication");
            params.put("indication", scope.indication().name());
        }
        if (scope.nerve() != null) {
            // containment, which the GIN index on targets answers: some target names this nerve
            where.append(" AND k.targets @> jsonb_build_array(jsonb_build_object('nerve', CAST(:nerve AS text)))");
            params.put("nerve", scope.nerve());
        }
        return where.toString();
    }

    private Map<UUID, List<AdverseEvents>> adverseEvents(String scopeSql, Map<String, Object> params) {
        Map<UUID, List<AdverseEvents>> byProcedure = new HashMap<>();
        jdbc.sql(ADVERSE_EVENTS.formatted(scopeSql)).params(params).query(rs -> {
            byProcedure.computeIfAbsent(rs.getObject("procedure_id", UUID.class), id -> new ArrayList<>())
                    .add(new AdverseEvents(rs.getString("type"), rs.getBoolean("serious"), rs.getInt("events")));
        });
        return byProcedure;
    }

    /** For each protocol version ("MODALITY/version"), the report windows it schedules a visit in (a small table). */
    private Map<String, Set<ReportWindow>> plannedWindows() {
        Map<String, Set<ReportWindow>> planned = new LinkedHashMap<>();
        jdbc.sql("SELECT modality, version, offset_days FROM protocol_visit").query(rs -> {
            Set<ReportWindow> windows = planned.computeIfAbsent(rs.getString("modality") + "/" + rs.getInt("version"),
                    key -> EnumSet.noneOf(ReportWindow.class));
            int offset = rs.getInt("offset_days");
            for (ReportWindow window : ReportWindow.values()) {
                if (offset >= window.firstDay() && offset <= window.lastDay()) {
                    windows.add(window);
                }
            }
        });
        return planned;
    }

    private static ReportedProcedure procedure(ResultSet rs, Map<String, Set<ReportWindow>> planned,
            Map<UUID, List<AdverseEvents>> adverseEvents) throws SQLException {
        UUID procedureId = rs.getObject("procedure_id", UUID.class);
        Map<ReportWindow, WindowFacts> windows = new EnumMap<>(ReportWindow.class);
        for (ReportWindow window : ReportWindow.values()) {
            String m = "m" + window.month() + "_";
            if (rs.getBoolean(m + "outcome")) {
                windows.put(window, new WindowFacts(rs.getObject(m + "responder", Boolean.class),
                        rs.getObject(m + "pain", Integer.class), number(rs, m + "mme")));
            }
        }
        Set<ReportWindow> plannedWindows = planned.getOrDefault(
                rs.getString("plan_modality") + "/" + rs.getInt("protocol_version"), Set.of());
        return new ReportedProcedure(procedureId, rs.getObject("patient_id", UUID.class), day(rs, "performed_on"),
                Modality.valueOf(rs.getString("modality")), rs.getString("indication_code"), nerves(rs.getArray("nerves")),
                rs.getObject("baseline_pain_score", Integer.class), day(rs, "responder_since"),
                day(rs, "relief_ended_on"), plannedWindows, day(rs, "last_outcome_on"), day(rs, "repeated_on"),
                rs.getBoolean("is_repeat"), rs.getObject("days_since_previous", Integer.class),
                number(rs, "opioid_before"), windows, adverseEvents.getOrDefault(procedureId, List.of()));
    }

    private static List<String> nerves(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
