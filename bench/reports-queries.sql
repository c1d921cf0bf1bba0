-- The SQL statements followup-service runs for one outcome report, for bench/reports.sh: pgbench runs them as one
-- transaction (the reference: the database's own time), psql with EXPLAIN (ANALYZE, BUFFERS) in front.
-- Copies of report/ReportedProcedures.java (its transaction settings, ADVERSE_EVENTS, SHARED_PATIENTS and CELLS
-- over REPORTED, with ReportWindow's facts and aggregates written out) in OutcomeReports.report's read-only
-- repeatable-read transaction: keep them in step. The service binds its clinic day as :today; CURRENT_DATE here.
-- The per-plan window facts come from plan_report_facts (V2026112693_1, kept by triggers).
--
-- bench/reports.sh replaces the marker /*filters*/ with the report's filters as ReportedProcedures.filters writes
-- them (" AND p.performed_on >= :from AND p.performed_on <= :to", " AND k.modality = :modality"): pgbench binds
-- :from, :to and :modality as parameters (-M extended, like JDBC); for psql they become :'from' (quoted literals).
-- Each statement starts with "\echo '-- name'" (bench/explain-summary.awk reads it) and a line ":explain" (psql:
-- the EXPLAIN prefix; removed for pgbench).
\set ON_ERROR_STOP on
\pset footer off
\timing off

BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SET LOCAL work_mem = '64MB';
SET LOCAL jit = off;
SET LOCAL plan_cache_mode = force_custom_plan;


\echo '-- adverse events per cell (ADVERSE_EVENTS)'
:explain
WITH scope AS NOT MATERIALIZED (
    SELECT p.procedure_id, coalesce(k.modality, p.modality) AS modality,
           coalesce(k.indication_code, 'NONE') AS indication, coalesce(k.targets, '[]') AS targets
    FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
    WHERE true/*filters*/
)
SELECT s.modality, s.indication, s.targets::text AS target_list, e.type, e.serious, count(*) AS events,
       count(DISTINCT e.procedure_id) AS procedures
FROM scope s JOIN known_adverse_event e ON e.procedure_id = s.procedure_id
GROUP BY s.modality, s.indication, s.targets, e.type, e.serious;

\echo '-- patients with other plans per cell (SHARED_PATIENTS)'
:explain
WITH reported AS NOT MATERIALIZED (
    SELECT p.patient_id, coalesce(k.modality, p.modality) AS modality,
           coalesce(k.indication_code, 'NONE') AS indication, coalesce(k.targets, '[]') AS targets,
           p.previous_procedure_id IS NOT NULL AS is_repeat, pt.opioid_mme_per_day::float8 AS opioid_before,
           f.patient_has_other_plans, f.days_since_previous,
           f.m3_responder, f.m3_pain, p.baseline_pain_score - f.m3_pain AS m3_reduction,
           f.m3_mme::float8 AS m3_mme,
           f.m3_planned AND NOT f.m3_outcome AND p.performed_on + 120 < CURRENT_DATE
               AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + 120) AS m3_lost,
           f.m6_responder, f.m6_pain, p.baseline_pain_score - f.m6_pain AS m6_reduction,
           f.m6_mme::float8 AS m6_mme,
           f.m6_planned AND NOT f.m6_outcome AND p.performed_on + 210 < CURRENT_DATE
               AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + 210) AS m6_lost,
           f.m12_responder, f.m12_pain, p.baseline_pain_score - f.m12_pain AS m12_reduction,
           f.m12_mme::float8 AS m12_mme,
           f.m12_planned AND NOT f.m12_outcome AND p.performed_on + 390 < CURRENT_DATE
               AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + 390) AS m12_lost,
           CASE WHEN p.responder_since IS NOT NULL
                THEN greatest(coalesce(p.relief_ended_on, greatest(f.last_outcome_on, p.responder_since)) - p.performed_on, 0)
           END AS relief_days,
           p.relief_ended_on IS NOT NULL AS relief_ended
    FROM follow_up_plan p
    JOIN plan_report_facts f ON f.plan_id = p.id
    LEFT JOIN known_procedure k ON k.id = p.procedure_id
    LEFT JOIN known_patient pt ON pt.id = p.patient_id
    WHERE true/*filters*/ AND f.patient_has_other_plans
)
SELECT modality, indication, targets::text AS target_list,
       count(*) FILTER (WHERE cells_of_patient = 1) AS one_cell_patients,
       array_agg(patient_id) FILTER (WHERE cells_of_patient > 1) AS shared_patients
FROM (SELECT modality, indication, targets, patient_id,
             count(*) OVER (PARTITION BY patient_id) AS cells_of_patient
      FROM (SELECT DISTINCT modality, indication, targets, patient_id FROM reported) d) d
GROUP BY modality, indication, targets;

\echo '-- cells in scope with their windows and relief (CELLS)'
:explain
WITH reported AS NOT MATERIALIZED (
    SELECT p.patient_id, coalesce(k.modality, p.modality) AS modality,
           coalesce(k.indication_code, 'NONE') AS indication, coalesce(k.targets, '[]') AS targets,
           p.previous_procedure_id IS NOT NULL AS is_repeat, pt.opioid_mme_per_day::float8 AS opioid_before,
           f.patient_has_other_plans, f.days_since_previous,
           f.m3_responder, f.m3_pain, p.baseline_pain_score - f.m3_pain AS m3_reduction,
           f.m3_mme::float8 AS m3_mme,
           f.m3_planned AND NOT f.m3_outcome AND p.performed_on + 120 < CURRENT_DATE
               AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + 120) AS m3_lost,
           f.m6_responder, f.m6_pain, p.baseline_pain_score - f.m6_pain AS m6_reduction,
           f.m6_mme::float8 AS m6_mme,
           f.m6_planned AND NOT f.m6_outcome AND p.performed_on + 210 < CURRENT_DATE
               AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + 210) AS m6_lost,
           f.m12_responder, f.m12_pain, p.baseline_pain_score - f.m12_pain AS m12_reduction,
           f.m12_mme::float8 AS m12_mme,
           f.m12_planned AND NOT f.m12_outcome AND p.performed_on + 390 < CURRENT_DATE
               AND (f.repeated_on IS NULL OR f.repeated_on > p.performed_on + 390) AS m12_lost,
           CASE WHEN p.responder_since IS NOT NULL
                THEN greatest(coalesce(p.relief_ended_on, greatest(f.last_outcome_on, p.responder_since)) - p.performed_on, 0)
           END AS relief_days,
           p.relief_ended_on IS NOT NULL AS relief_ended
    FROM follow_up_plan p
    JOIN plan_report_facts f ON f.plan_id = p.id
    LEFT JOIN known_procedure k ON k.id = p.procedure_id
    LEFT JOIN known_patient pt ON pt.id = p.patient_id
    WHERE true/*filters*/
),
cells AS (
    SELECT modality, indication, targets, count(*) AS procedures,
           count(*) FILTER (WHERE NOT patient_has_other_plans) AS sole_plan_patients,
           count(*) FILTER (WHERE m3_responder IS NOT NULL) AS m3_assessed,
       count(*) FILTER (WHERE m3_responder) AS m3_responders,
       count(*) FILTER (WHERE m3_lost) AS m3_lost,
       count(m3_pain::float8) AS m3_pain_n, avg(m3_pain::float8) AS m3_pain_mean, stddev_samp(m3_pain::float8) AS m3_pain_sd,
       count(m3_reduction::float8) AS m3_reduction_n, avg(m3_reduction::float8) AS m3_reduction_mean, stddev_samp(m3_reduction::float8) AS m3_reduction_sd,
       count(m3_mme) AS m3_mme_n, avg(m3_mme) AS m3_mme_mean, stddev_samp(m3_mme) AS m3_mme_sd,
       count(*) FILTER (WHERE m6_responder IS NOT NULL) AS m6_assessed,
       count(*) FILTER (WHERE m6_responder) AS m6_responders,
       count(*) FILTER (WHERE m6_lost) AS m6_lost,
       count(m6_pain::float8) AS m6_pain_n, avg(m6_pain::float8) AS m6_pain_mean, stddev_samp(m6_pain::float8) AS m6_pain_sd,
       count(m6_reduction::float8) AS m6_reduction_n, avg(m6_reduction::float8) AS m6_reduction_mean, stddev_samp(m6_reduction::float8) AS m6_reduction_sd,
       count(m6_mme) AS m6_mme_n, avg(m6_mme) AS m6_mme_mean, stddev_samp(m6_mme) AS m6_mme_sd,
       count(*) FILTER (WHERE m12_responder IS NOT NULL) AS m12_assessed,
       count(*) FILTER (WHERE m12_responder) AS m12_responders,
       count(*) FILTER (WHERE m12_lost) AS m12_lost,
       count(m12_pain::float8) AS m12_pain_n, avg(m12_pain::float8) AS m12_pain_mean, stddev_samp(m12_pain::float8) AS m12_pain_sd,
       count(m12_reduction::float8) AS m12_reduction_n, avg(m12_reduction::float8) AS m12_reduction_mean, stddev_samp(m12_reduction::float8) AS m12_reduction_sd,
       count(m12_mme) AS m12_mme_n, avg(m12_mme) AS m12_mme_mean, stddev_samp(m12_mme) AS m12_mme_sd,
           count(opioid_before) AS opioid_before_n, avg(opioid_before) AS opioid_before_mean, stddev_samp(opioid_before) AS opioid_before_sd,
           count(*) FILTER (WHERE is_repeat) AS repeats,
           count(days_since_previous::float8) FILTER (WHERE is_repeat) AS interval_n, avg(days_since_previous::float8) FILTER (WHERE is_repeat) AS interval_mean, stddev_samp(days_since_previous::float8) FILTER (WHERE is_repeat) AS interval_sd,
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
) r;

COMMIT;
