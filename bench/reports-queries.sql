-- The SQL statements followup-service runs for one outcome report, for bench/reports.sh: pgbench runs them as one
-- transaction (the reference: the database's own time), psql with EXPLAIN (ANALYZE, BUFFERS) in front.
-- Keep them in step with the service's report package (copies, with the parameters as variables).
--
-- Variables: :from, :to (yyyy-mm-dd) and :modality (a Modality, or - for every one). pgbench binds them as
-- parameters (-M extended, like JDBC); psql gets quoted literals (-v from="'2025-01-01'"). Each statement starts
-- with "\echo '-- name'" (bench/explain-summary.awk reads it) and a line ":explain" (psql: the EXPLAIN prefix;
-- removed for pgbench).
\set ON_ERROR_STOP on
\pset footer off
\timing off

\echo '-- procedures in scope'
:explain
SELECT k.id, k.modality, k.indication_code, k.targets::text AS targets, pl.performed_on, pl.baseline_pain_score,
       pl.previous_procedure_id, pl.responder_since, pl.relief_ended_on
FROM known_procedure k JOIN follow_up_plan pl ON pl.procedure_id = k.id
WHERE pl.performed_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
  AND (CAST(:modality AS text) = '-' OR k.modality = CAST(:modality AS text));

\echo '-- outcomes per window'
:explain
SELECT pl.procedure_id, m.month,
       (array_agg(o.pain_score ORDER BY o.assessed_on DESC))[1] AS pain_score,
       (array_agg(o.opioid_mme_per_day ORDER BY o.assessed_on DESC))[1] AS opioid_mme_per_day,
       max(o.assessed_on) AS assessed_on
FROM follow_up_plan pl
JOIN follow_up_outcome o ON o.plan_id = pl.id
JOIN (VALUES (3), (6), (12)) AS m (month) ON o.assessed_on - pl.performed_on BETWEEN m.month * 30 - 14 AND m.month * 30 + 14
WHERE pl.performed_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
  AND (CAST(:modality AS text) = '-' OR pl.modality = CAST(:modality AS text))
GROUP BY pl.procedure_id, m.month;

\echo '-- last outcome per plan'
:explain
SELECT pl.procedure_id, max(o.assessed_on) AS last_assessed_on
FROM follow_up_plan pl JOIN follow_up_outcome o ON o.plan_id = pl.id
WHERE pl.performed_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
  AND (CAST(:modality AS text) = '-' OR pl.modality = CAST(:modality AS text))
GROUP BY pl.procedure_id;

\echo '-- adverse events'
:explain
SELECT e.procedure_id, e.type, e.serious
FROM known_adverse_event e JOIN follow_up_plan pl ON pl.procedure_id = e.procedure_id
WHERE pl.performed_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
  AND (CAST(:modality AS text) = '-' OR pl.modality = CAST(:modality AS text));
