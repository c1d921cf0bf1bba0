-- The SQL statements followup-service runs for one outcome report, for bench/reports.sh: pgbench runs them as one
-- transaction (the reference: the database's own time), psql with EXPLAIN (ANALYZE, BUFFERS) in front.
-- Copies of report/ReportedProcedures.java (ADVERSE_EVENTS, plannedWindows, PROCEDURES, with ReportWindow's windows
-- and columns written out): keep them in step.
--
-- bench/reports.sh replaces the marker /*filters*/ with the report's filters as ReportedProcedures.filters writes
-- them (" AND p.performed_on >= :from AND p.performed_on <= :to", " AND k.modality = :modality"): pgbench binds
-- :from, :to and :modality as parameters (-M extended, like JDBC); for psql they become :'from' (quoted literals).
-- Each statement starts with "\echo '-- name'" (bench/explain-summary.awk reads it) and a line ":explain" (psql:
-- the EXPLAIN prefix; removed for pgbench).
\set ON_ERROR_STOP on
\pset footer off
\timing off

\echo '-- adverse events in scope (ADVERSE_EVENTS)'
:explain
WITH scope AS MATERIALIZED (
    SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
           p.protocol_version, k.modality, k.indication_code, k.targets, p.baseline_pain_score,
           p.responder_since, p.relief_ended_on, p.previous_procedure_id
    FROM follow_up_plan p JOIN known_procedure k ON k.id = p.procedure_id
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
WITH scope AS MATERIALIZED (
    SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
           p.protocol_version, k.modality, k.indication_code, k.targets, p.baseline_pain_score,
           p.responder_since, p.relief_ended_on, p.previous_procedure_id
    FROM follow_up_plan p JOIN known_procedure k ON k.id = p.procedure_id
    WHERE true/*filters*/
),
windowed AS (
    SELECT DISTINCT ON (o.plan_id, w.month) o.plan_id, w.month, o.responder, o.pain_score, o.opioid_mme_per_day
    FROM scope s
    JOIN follow_up_outcome o ON o.plan_id = s.plan_id
    JOIN (VALUES (3, 60, 120), (6, 150, 210), (12, 330, 390)) AS w (month, first_day, last_day)
      ON o.assessed_on - s.performed_on BETWEEN w.first_day AND w.last_day
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
       l.assessed_on AS last_outcome_on, r.performed_on AS repeated_on, NULL::numeric AS opioid_before,
       m3.plan_id IS NOT NULL AS m3_outcome, m3.responder AS m3_responder, m3.pain_score AS m3_pain, m3.opioid_mme_per_day AS m3_mme,
       m6.plan_id IS NOT NULL AS m6_outcome, m6.responder AS m6_responder, m6.pain_score AS m6_pain, m6.opioid_mme_per_day AS m6_mme,
       m12.plan_id IS NOT NULL AS m12_outcome, m12.responder AS m12_responder, m12.pain_score AS m12_pain, m12.opioid_mme_per_day AS m12_mme
FROM scope s
LEFT JOIN follow_up_plan prev ON prev.procedure_id = s.previous_procedure_id
LEFT JOIN last_outcome l ON l.plan_id = s.plan_id
LEFT JOIN repeated r ON r.procedure_id = s.procedure_id
LEFT JOIN windowed m3 ON m3.plan_id = s.plan_id AND m3.month = 3
LEFT JOIN windowed m6 ON m6.plan_id = s.plan_id AND m6.month = 6
LEFT JOIN windowed m12 ON m12.plan_id = s.plan_id AND m12.month = 12;
