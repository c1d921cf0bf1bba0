-- The SQL statements followup-service runs for one outcome report, for bench/reports.sh: pgbench runs them as one
-- transaction (the reference: the database's own time), psql with EXPLAIN (ANALYZE, BUFFERS) in front.
-- Copies of report/ReportedProcedures.java (its transaction settings, ADVERSE_EVENTS, plannedWindows, PROCEDURES
-- with ReportWindow's aggregates and columns written out) in OutcomeReports.report's read-only repeatable-read
-- transaction: keep them in step.
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

\echo '-- adverse events in scope (ADVERSE_EVENTS)'
:explain
WITH scope AS NOT MATERIALIZED (
    SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
           p.protocol_version, coalesce(k.modality, p.modality) AS modality, k.indication_code,
           jsonb_path_query_array(k.targets, '$[*].nerve')::text AS nerves, p.baseline_pain_score,
           p.responder_since, p.relief_ended_on, p.previous_procedure_id
    FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
    WHERE true/*filters*/
)
SELECT e.procedure_id, e.type, e.serious, count(*) AS events
FROM scope s JOIN known_adverse_event e ON e.procedure_id = s.procedure_id
GROUP BY e.procedure_id, e.type, e.serious;

\echo '-- protocol windows (plannedWindows)'
:explain
SELECT modality, version, offset_days FROM protocol_visit;

\echo '-- procedures in scope with their windows (PROCEDURES)'
:explain
WITH scope AS NOT MATERIALIZED (
    SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
           p.protocol_version, coalesce(k.modality, p.modality) AS modality, k.indication_code,
           jsonb_path_query_array(k.targets, '$[*].nerve')::text AS nerves, p.baseline_pain_score,
           p.responder_since, p.relief_ended_on, p.previous_procedure_id
    FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
    WHERE true/*filters*/
),
per_plan AS (
    SELECT o.plan_id, max(o.assessed_on) AS last_outcome_on,
           max(o.latest) FILTER (WHERE o.day BETWEEN 60 AND 120) AS m3,
           max(o.latest) FILTER (WHERE o.day BETWEEN 150 AND 210) AS m6,
           max(o.latest) FILTER (WHERE o.day BETWEEN 330 AND 390) AS m12
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
       o.m3 IS NOT NULL AS m3_outcome, o.m3[3] AS m3_responder, o.m3[4] AS m3_pain, o.m3[5] AS m3_mme,
       o.m6 IS NOT NULL AS m6_outcome, o.m6[3] AS m6_responder, o.m6[4] AS m6_pain, o.m6[5] AS m6_mme,
       o.m12 IS NOT NULL AS m12_outcome, o.m12[3] AS m12_responder, o.m12[4] AS m12_pain, o.m12[5] AS m12_mme
FROM scope s
LEFT JOIN per_plan o ON o.plan_id = s.plan_id
LEFT JOIN known_patient pt ON pt.id = s.patient_id
LEFT JOIN follow_up_plan prev ON prev.procedure_id = s.previous_procedure_id
LEFT JOIN repeated r ON r.procedure_id = s.procedure_id;

COMMIT;
