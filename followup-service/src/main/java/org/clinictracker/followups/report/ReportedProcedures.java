package org.clinictracker.followups.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.followups.report.ReportedProcedure.AdverseEvents;
import org.clinictracker.followups.report.ReportedProcedure.WindowFacts;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The procedures in a report's scope, one row each, aggregated in PostgreSQL in one pass over their outcomes (a
 * hash aggregate by plan, no sort): the latest outcome of each window is the greatest array [day, recorded at,
 * responder, pain, MME] among the window's (arrays compare element by element), so Java only groups one small row
 * per procedure. The scope is narrowed by indexes ({@code V2026112691_1}): the plans' day and a GIN index on the
 * targets for a nerve; unnarrowed, sequential scans and hash joins are the right plan.
 */
@Repository
class ReportedProcedures {

    /** One aggregate per window: the latest outcome in it, as [day, recorded at, responder 0/1, pain, MME]. */
    private static final String WINDOW_AGGREGATES = Arrays.stream(ReportWindow.values())
            .map(w -> "max(o.latest) FILTER (WHERE o.day BETWEEN %d AND %d) AS m%d"
                    .formatted(w.firstDay(), w.lastDay(), w.month()))
            .collect(Collectors.joining(",\n           "));

    private static final String WINDOW_COLUMNS = Arrays.stream(ReportWindow.values())
            .map(w -> "o.m%1$d IS NOT NULL AS m%1$d_outcome, o.m%1$d[3] AS m%1$d_responder, o.m%1$d[4] AS m%1$d_pain, o.m%1$d[5] AS m%1$d_mme"
                    .formatted(w.month()))
            .collect(Collectors.joining(",\n       "));

    /** By window ordinal, its columns' names: outcome?, responder, pain, MME (made once, read for every row). */
    private static final String[][] WINDOW_COLUMN_NAMES = Arrays.stream(ReportWindow.values())
            .map(w -> new String[] { "m" + w.month() + "_outcome", "m" + w.month() + "_responder",
                    "m" + w.month() + "_pain", "m" + w.month() + "_mme" })
            .toArray(String[][]::new);

    /**
     * The scope: plans with their procedure's replica; %s = the filters present. Not materialized: each use is
     * planned with the filters (the outcome pass needs only the plans' ids and days).
     */
    private static final String SCOPE = """
            scope AS NOT MATERIALIZED (
                SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
                       p.protocol_version, coalesce(k.modality, p.modality) AS modality, k.indication_code,
                       jsonb_path_query_array(k.targets, '$[*].nerve')::text AS nerves, p.baseline_pain_score,
                       p.responder_since, p.relief_ended_on, p.previous_procedure_id
                FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
                WHERE true%s
            )""";

    static final String PROCEDURES = """
            WITH %s,
            per_plan AS (
                SELECT o.plan_id, max(o.assessed_on) AS last_outcome_on,
                       %s
                FROM (SELECT o.plan_id, o.assessed_on, o.assessed_on - s.performed_on AS day,
                             ARRAY[o.assessed_on - s.performed_on, extract(epoch FROM o.recorded_at), o.responder::int,
                                   o.pain_score, o.opioid_mme_per_day]::float8[] AS latest
                      FROM scope s JOIN follow_up_outcome o ON o.plan_id = s.plan_id) o
                GROUP BY o.plan_id
            ),
            repeated AS (
                SELECT previous_procedure_id AS procedure_id, min(performed_on) AS performed_on
                FROM follow_up_plan WHERE previous_procedure_id IS NOT NULL
                GROUP BY previous_procedure_id
            )
            SELECT s.procedure_id, s.patient_id, s.performed_on, s.plan_modality, s.protocol_version, s.modality,
                   s.indication_code, s.nerves, s.baseline_pain_score, s.responder_since, s.relief_ended_on,
                   s.previous_procedure_id IS NOT NULL AS is_repeat, s.performed_on - prev.performed_on AS days_since_previous,
                   o.last_outcome_on, r.performed_on AS repeated_on, pt.opioid_mme_per_day AS opioid_before,
                   %s
            FROM scope s
            LEFT JOIN per_plan o ON o.plan_id = s.plan_id
            LEFT JOIN known_patient pt ON pt.id = s.patient_id
            LEFT JOIN follow_up_plan prev ON prev.procedure_id = s.previous_procedure_id
            LEFT JOIN repeated r ON r.procedure_id = s.procedure_id""";

    static final String ADVERSE_EVENTS = """
            WITH %s
            SELECT e.procedure_id, e.type, e.serious, count(*) AS events
            FROM scope s JOIN known_adverse_event e ON e.procedure_id = s.procedure_id
            GROUP BY e.procedure_id, e.type, e.serious""";

    private static final TypeReference<List<String>> NERVES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportedProcedures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Every procedure in scope, in no particular order. Call inside one read-only transaction: the settings below
     * last as long as it does.
     */
    List<ReportedProcedure> inScope(ReportScope scope) {
        // one large aggregate per call: its hash tables in memory (the per-plan aggregate of 206,000 plans took
        // 61 MB; hash nodes may use twice work_mem), and no JIT compilation, which took 1.4 s of a 10 s run there
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        jdbc.sql("SET LOCAL jit = off").update();
        Map<String, Object> params = new HashMap<>();
        String scopeSql = SCOPE.formatted(filters(scope, params));
        Map<UUID, List<AdverseEvents>> adverseEvents = adverseEvents(scopeSql, params);
        Map<String, Set<ReportWindow>> planned = plannedWindows();
        Map<String, List<String>> nerves = new HashMap<>(); // the few distinct target lists, each parsed once
        Map<UUID, Integer> patients = new HashMap<>(); // each patient numbered once
        return jdbc.sql(procedures(scopeSql))
                .params(params)
                .query((rs, row) -> procedure(rs, planned, adverseEvents, nerves, patients))
                .list();
    }

    /** The query of the procedures in a scope ({@link #SCOPE} with its filters). */
    static String procedures(String scopeSql) {
        return PROCEDURES.formatted(scopeSql, WINDOW_AGGREGATES, WINDOW_COLUMNS);
    }

    /** The query of the procedures in this scope, its parameters put in {@code params}. */
    static String procedures(ReportScope scope, Map<String, Object> params) {
        return procedures(SCOPE.formatted(filters(scope, params)));
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
            Set<ReportWindow> windows = planned.computeIfAbsent(protocolKey(rs.getString("modality"), rs.getInt("version")),
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

    private ReportedProcedure procedure(ResultSet rs, Map<String, Set<ReportWindow>> planned,
            Map<UUID, List<AdverseEvents>> adverseEvents, Map<String, List<String>> nerves, Map<UUID, Integer> patients)
            throws SQLException {
        UUID procedureId = rs.getObject("procedure_id", UUID.class);
        WindowFacts[] windows = new WindowFacts[WINDOW_COLUMN_NAMES.length];
        for (int w = 0; w < windows.length; w++) {
            String[] column = WINDOW_COLUMN_NAMES[w];
            if (rs.getBoolean(column[0])) {
                Double responder = number(rs, column[1]);
                Double pain = number(rs, column[2]);
                Double mme = number(rs, column[3]);
                windows[w] = new WindowFacts(responder == null ? null : responder != 0,
                        pain == null ? -1 : pain.intValue(), mme == null ? Double.NaN : mme);
            }
        }
        Set<ReportWindow> plannedWindows = planned.getOrDefault(
                protocolKey(rs.getString("plan_modality"), rs.getInt("protocol_version")), Set.of());
        String targetNerves = rs.getString("nerves");
        UUID patientId = rs.getObject("patient_id", UUID.class);
        return new ReportedProcedure(procedureId, patientId, patients.computeIfAbsent(patientId, id -> patients.size()),
                day(rs, "performed_on"),
                Modality.valueOf(rs.getString("modality")), rs.getString("indication_code"),
                targetNerves == null ? List.of() : nerves.computeIfAbsent(targetNerves, this::distinctNerves),
                rs.getObject("baseline_pain_score", Integer.class), day(rs, "responder_since"),
                day(rs, "relief_ended_on"), plannedWindows, day(rs, "last_outcome_on"), day(rs, "repeated_on"),
                rs.getBoolean("is_repeat"), rs.getObject("days_since_previous", Integer.class),
                number(rs, "opioid_before"), windows, adverseEvents.getOrDefault(procedureId, List.of()));
    }

    /** The targets' nerves, each once ({@code ["INTERCOSTAL", "INTERCOSTAL"]}: two levels of one nerve). */
    private List<String> distinctNerves(String nerves) {
        return json.readValue(nerves, NERVES).stream().filter(Objects::nonNull).distinct().toList();
    }

    private static String protocolKey(String modality, int version) {
        return modality + "/" + version;
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
