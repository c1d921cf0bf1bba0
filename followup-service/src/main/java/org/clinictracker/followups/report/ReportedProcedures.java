package org.clinictracker.followups.report;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.followups.report.ReportCell.AdverseEvents;
import org.clinictracker.followups.report.ReportCell.WindowCell;
import org.clinictracker.followups.report.statistics.SurvivalCount;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The procedures in a report's scope, aggregated by PostgreSQL into {@link ReportCell cells} (modality × indication
 * × target list: a handful), each statement one pass over one small row per plan: the plan, its report facts
 * ({@code plan_report_facts}, kept by triggers: each window's figures from its latest outcome that records them,
 * see {@code V2026112693_1} and {@code V2026112703_1}), its procedure's replica and the intake frozen on the plan.
 * Java only adds cells up into groups.
 * The scope is narrowed by indexes ({@code V2026112691_1}): the plans' day and a GIN index on the targets for a
 * nerve; unnarrowed, sequential scans and hash joins are the right plan.
 */
@Repository
class ReportedProcedures {

    /*
     * What a plan is grouped by: its procedure's replica, else the plan's own modality (the replica may not have
     * arrived yet). The filters test the same expressions, so a filtered report holds exactly the procedures the
     * unfiltered one shows in that group.
     */
    static final String MODALITY = "coalesce(k.modality, p.modality)";
    static final String INDICATION = "coalesce(k.indication_code, '" + OutcomeReports.NO_INDICATION + "')";
    static final String TARGETS = "coalesce(k.targets, '[]')";

    /** Per plan in scope: its cell, and per window its figures and whether it is lost or assessed outside it. */
    private static final String REPORTED = """
            reported AS NOT MATERIALIZED (
                SELECT p.patient_id, %1$s AS modality, %2$s AS indication, %3$s AS targets,
                       p.previous_procedure_id IS NOT NULL AS is_repeat, p.opioid_mme_before::float8 AS opioid_before,
                       f.patient_has_other_plans, f.days_since_previous, f.outcomes, f.patient_outcomes,
                       %4$s,
                       -- never below 0: a procedure day amended to after its outcomes still counts, on its day 0
                       CASE WHEN p.responder_since IS NOT NULL
                            THEN greatest(coalesce(p.relief_ended_on, greatest(f.last_outcome_on, p.responder_since))
                                          - p.performed_on, 0)
                       END AS relief_days,
                       p.relief_ended_on IS NOT NULL AS relief_ended
                FROM follow_up_plan p
                JOIN plan_report_facts f ON f.plan_id = p.id
                LEFT JOIN known_procedure k ON k.id = p.procedure_id
                WHERE true%5$s
            )""";

    /**
     * A window's facts of a plan; lost: the protocol planned a visit in it, it is over (today past its last day),
     * no outcome was assessed in it and no repeat treatment took over before it ended.
     */
    private static final String WINDOW_FACTS = Arrays.stream(ReportWindow.values())
            .map(w -> """
                    f.m%1$d_responder, f.m%1$d_pain, p.baseline_pain_score - f.m%1$d_pain AS m%1$d_reduction,
                                   f.m%1$d_mme::float8 AS m%1$d_mme,
                                   f.m%1$d_outside,
                                   f.m%1$d_planned AND NOT f.m%1$d_outcome AND NOT f.m%1$d_outside
                                       AND p.performed_on + %2$d < :today
                                       AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + %2$d) AS m%1$d_lost"""
                    .formatted(w.month(), w.lastDay()))
            .collect(Collectors.joining(",\n                       "));

    private static final String WINDOW_AGGREGATES = Arrays.stream(ReportWindow.values())
            .map(w -> """
                    count(*) FILTER (WHERE m%1$d_responder IS NOT NULL) AS m%1$d_assessed,
                               count(*) FILTER (WHERE m%1$d_responder) AS m%1$d_responders,
                               count(*) FILTER (WHERE m%1$d_lost) AS m%1$d_lost,
                               count(*) FILTER (WHERE m%1$d_outside) AS m%1$d_outside,
                               %2$s,
                               %3$s,
                               %4$s"""
                    .formatted(w.month(), moments("m" + w.month() + "_pain", "m" + w.month() + "_pain::float8"),
                            moments("m" + w.month() + "_reduction", "m" + w.month() + "_reduction::float8"),
                            moments("m" + w.month() + "_mme", "m" + w.month() + "_mme")))
            .collect(Collectors.joining(",\n           "));

    /**
     * The cells and their figures; %s: the plans in scope ({@link #REPORTED}), then the aggregates of windows,
     * opioid use and repeat intervals. {@code sole_plan_patients}: procedures of patients who have no other plan.
     * Relief: the days of each cell's procedures that brought some, collected in the same pass, then counted per
     * day (ended there: an event; last seen still relieved: censored) as arrays in day order.
     */
    static final String CELLS = """
            WITH %s,
            cells AS (
                SELECT modality, indication, targets, count(*) AS procedures,
                       count(*) FILTER (WHERE NOT patient_has_other_plans) AS sole_plan_patients,
                       %s,
                       %s,
                       count(*) FILTER (WHERE is_repeat) AS repeats,
                       sum(outcomes) AS outcomes, sum(patient_outcomes) AS patient_outcomes,
                       %s,
                       array_agg(relief_days) FILTER (WHERE relief_days IS NOT NULL AND relief_ended) AS ended_days,
                       array_agg(relief_days) FILTER (WHERE relief_days IS NOT NULL AND NOT relief_ended) AS censored_days
                FROM reported
                GROUP BY modality, indication, targets
            )
            SELECT c.*, c.targets::text AS target_list, jsonb_path_query_array(c.targets, '$[*].nerve')::text AS nerves, r.*
            FROM cells c
            CROSS JOIN LATERAL (
                SELECT array_agg(day ORDER BY day) AS relief_days, array_agg(ended ORDER BY day) AS relief_ended,
                       array_agg(censored ORDER BY day) AS relief_censored
                FROM (SELECT day, count(*) FILTER (WHERE ended)::int AS ended,
                             count(*) FILTER (WHERE NOT ended)::int AS censored
                      FROM (SELECT day, true AS ended FROM unnest(c.ended_days) AS day
                            UNION ALL SELECT day, false FROM unnest(c.censored_days) AS day) u
                      GROUP BY day) d
            ) r""";

    /**
     * The patients with other plans, per cell: how many have all their plans in scope in this cell, and the
     * others by id (treated in two cells, e.g. two modalities or other nerves: few).
     */
    static final String SHARED_PATIENTS = """
            WITH %s
            SELECT modality, indication, targets::text AS target_list,
                   count(*) FILTER (WHERE cells_of_patient = 1) AS one_cell_patients,
                   array_agg(patient_id) FILTER (WHERE cells_of_patient > 1) AS shared_patients
            FROM (SELECT modality, indication, targets, patient_id,
                         count(*) OVER (PARTITION BY patient_id) AS cells_of_patient
                  FROM (SELECT DISTINCT modality, indication, targets, patient_id FROM reported) d) d
            GROUP BY modality, indication, targets""";

    /** Adverse events per cell, type and seriousness: from the events (a few per procedure at most) to their plans. */
    static final String ADVERSE_EVENTS = """
            WITH scope AS NOT MATERIALIZED (
                SELECT p.procedure_id, %1$s AS modality, %2$s AS indication, %3$s AS targets
                FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
                WHERE true%4$s
            )
            SELECT s.modality, s.indication, s.targets::text AS target_list, e.type, e.serious, count(*) AS events,
                   count(DISTINCT e.procedure_id) AS procedures
            FROM scope s JOIN known_adverse_event e ON e.procedure_id = s.procedure_id
            GROUP BY s.modality, s.indication, s.targets, e.type, e.serious""";

    /**
     * The report's transaction settings: aggregates over every plan in scope get room for their hash tables in
     * memory, and no JIT compilation (it costs more than it saves on statements that run for a fraction of a
     * second); each statement is planned for this scope's days every time (a generic plan, which the driver
     * prepares on a statement's fifth run, guesses the share of plans in [from, to] and chose nested loops over the
     * whole clinic).
     */
    static final List<String> SETTINGS = List.of("SET LOCAL work_mem = '128MB'", "SET LOCAL jit = off",
            "SET LOCAL plan_cache_mode = force_custom_plan");

    static final String ADVERSE_EVENTS_NAME = "adverse events per cell (ADVERSE_EVENTS)";
    static final String SHARED_PATIENTS_NAME = "patients with other plans per cell (SHARED_PATIENTS)";
    static final String CELLS_NAME = "cells in scope with their windows and relief (CELLS)";

    private static final TypeReference<List<String>> NERVES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportedProcedures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The cells of the procedures in scope, in no particular order, judged on {@code today} (lost to follow-up).
     * Call inside one read-only transaction: the settings below last as long as it does.
     */
    List<ReportCell> inScope(ReportScope scope, LocalDate today) {
        for (String setting : SETTINGS) {
            jdbc.sql(setting).update();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(today));
        // three statements, each planned for what it reads (one statement over a materialized scope costs more)
        Map<String, String> statements = statements(scope, params);
        Map<String, List<AdverseEvents>> adverseEvents = new HashMap<>();
        jdbc.sql(statements.get(ADVERSE_EVENTS_NAME)).params(params).query(rs -> {
            adverseEvents.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(new AdverseEvents(rs.getString("type"),
                    rs.getBoolean("serious"), rs.getInt("events"), rs.getInt("procedures")));
        });
        Map<String, Integer> oneCellPatients = new HashMap<>();
        Map<String, List<UUID>> sharedPatients = new HashMap<>();
        jdbc.sql(statements.get(SHARED_PATIENTS_NAME)).params(params)
                .query(rs -> {
                    oneCellPatients.put(key(rs), rs.getInt("one_cell_patients"));
                    sharedPatients.put(key(rs), uuids(rs.getArray("shared_patients")));
                });
        return jdbc.sql(statements.get(CELLS_NAME)).params(params)
                .query((rs, row) -> {
                    String key = key(rs);
                    return cell(rs, rs.getInt("sole_plan_patients") + oneCellPatients.getOrDefault(key, 0),
                            sharedPatients.getOrDefault(key, List.of()),
                            adverseEvents.getOrDefault(key, List.of()));
                })
                .list();
    }

    /**
     * The report's statements for a scope, by name in the order they run, their parameters but today put in
     * {@code params}: what {@link #inScope} runs and what bench/reports.sh measures ({@link ReportStatements}).
     */
    static Map<String, String> statements(ReportScope scope, Map<String, Object> params) {
        String filters = filters(scope, params);
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put(ADVERSE_EVENTS_NAME, ADVERSE_EVENTS.formatted(MODALITY, INDICATION, TARGETS, filters));
        statements.put(SHARED_PATIENTS_NAME,
                SHARED_PATIENTS.formatted(reported(filters + " AND f.patient_has_other_plans")));
        statements.put(CELLS_NAME, cells(filters));
        return statements;
    }

    /** The query of the cells in scope, its parameters put in {@code params} (today: as given, else the machine's). */
    static String procedures(ReportScope scope, Map<String, Object> params) {
        params.putIfAbsent("today", Date.valueOf(LocalDate.now()));
        return cells(filters(scope, params));
    }

    private static String reported(String filters) {
        return REPORTED.formatted(MODALITY, INDICATION, TARGETS, WINDOW_FACTS, filters);
    }

    private static String cells(String filters) {
        return CELLS.formatted(reported(filters), WINDOW_AGGREGATES, moments("opioid_before", "opioid_before"),
                moments("interval", "days_since_previous::float8", "is_repeat"));
    }

    /** n, mean and sample standard deviation of an expression, as {@code <name>_n}, {@code _mean}, {@code _sd}. */
    private static String moments(String name, String expression) {
        return "count(%2$s) AS %1$s_n, avg(%2$s) AS %1$s_mean, stddev_samp(%2$s) AS %1$s_sd".formatted(name, expression);
    }

    private static String moments(String name, String expression, String filter) {
        return ("count(%2$s) FILTER (WHERE %3$s) AS %1$s_n, avg(%2$s) FILTER (WHERE %3$s) AS %1$s_mean, "
                + "stddev_samp(%2$s) FILTER (WHERE %3$s) AS %1$s_sd").formatted(name, expression, filter);
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
            where.append(" AND " + MODALITY + " = :modality");
            params.put("modality", scope.modality().name());
        }
        if (scope.indication() != null) {
            where.append(" AND " + INDICATION + " = :indication");
            params.put("indication", scope.indication().name());
        }
        if (scope.nerve() != null) {
            // containment, which the GIN index on targets answers: some target names this nerve (the same as
            // testing TARGETS: a plan without a replica has no targets, and null or [] contains no nerve)
            where.append(" AND k.targets @> jsonb_build_array(jsonb_build_object('nerve', CAST(:nerve AS text)))");
            params.put("nerve", scope.nerve());
        }
        return where.toString();
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getString("modality") + "\u0000" + rs.getString("indication") + "\u0000" + rs.getString("target_list");
    }

    private ReportCell cell(ResultSet rs, int cellOnlyPatients, List<UUID> sharedPatients,
            List<AdverseEvents> adverseEvents) throws SQLException {
        WindowCell[] windows = new WindowCell[ReportWindow.values().length];
        for (ReportWindow window : ReportWindow.values()) {
            String m = "m" + window.month() + "_";
            windows[window.ordinal()] = new WindowCell(rs.getInt(m + "assessed"), rs.getInt(m + "responders"),
                    rs.getInt(m + "lost"), rs.getInt(m + "outside"), moments(rs, m + "pain"), moments(rs, m + "reduction"), moments(rs, m + "mme"));
        }
        return new ReportCell(Modality.valueOf(rs.getString("modality")), rs.getString("indication"),
                nerves(rs.getString("nerves")), rs.getInt("procedures"), cellOnlyPatients, sharedPatients, windows,
                moments(rs, "opioid_before"), rs.getInt("repeats"), moments(rs, "interval"), relief(rs), adverseEvents,
                rs.getInt("outcomes"), rs.getInt("patient_outcomes"));
    }

    private static Moments moments(ResultSet rs, String name) throws SQLException {
        return Moments.of(rs.getInt(name + "_n"), number(rs, name + "_mean"), number(rs, name + "_sd"));
    }

    private static List<SurvivalCount> relief(ResultSet rs) throws SQLException {
        Array days = rs.getArray("relief_days");
        if (days == null) {
            return List.of();
        }
        Integer[] day = (Integer[]) days.getArray();
        Integer[] ended = (Integer[]) rs.getArray("relief_ended").getArray();
        Integer[] censored = (Integer[]) rs.getArray("relief_censored").getArray();
        List<SurvivalCount> counts = new ArrayList<>(day.length);
        for (int i = 0; i < day.length; i++) {
            counts.add(new SurvivalCount(day[i], ended[i], censored[i]));
        }
        return counts;
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    /** The targets' nerves, each once ({@code ["INTERCOSTAL", "INTERCOSTAL"]}: two levels of one nerve). */
    private List<String> nerves(String nerves) {
        return json.readValue(nerves, NERVES).stream().filter(Objects::nonNull).distinct().toList();
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
