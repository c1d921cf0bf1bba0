-- EXPLAIN (ANALYZE, BUFFERS) of what followup-service asks PostgreSQL for the two calls bench/followups.sh loads.
-- psql variables: :assignee, :patient_id, :today (the clinic's day, yyyy-mm-dd).
-- The statements are copies of the service's (named above each); keep them in step when the service's change.
\set ON_ERROR_STOP on
\pset footer off
\timing off
SET jit = off;   -- as the service's connections run them (jit is off in this PostgreSQL by default too)

\echo -- worklist: due this week (Monday to Sunday of :today), one assignee, first page, most urgent first
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT v.id, v.patient_id, v.procedure_id, v.label, v.due_on, v.window_start, v.window_end, v.state, v.assignee
FROM follow_up_visit v
WHERE v.state = 'OPEN'
  AND v.assignee = :'assignee'
  AND v.due_on BETWEEN date_trunc('week', :'today'::date)::date AND date_trunc('week', :'today'::date)::date + 6
ORDER BY v.due_on, v.id
LIMIT 20;

\echo -- timeline: one patient: plans, visits, outcomes, candidates and procedures
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 'plan' AS kind, p.id, p.performed_on AS day FROM follow_up_plan p WHERE p.patient_id = :'patient_id'
UNION ALL
SELECT 'visit', v.id, v.due_on FROM follow_up_visit v WHERE v.patient_id = :'patient_id'
UNION ALL
SELECT 'outcome', o.visit_id, o.assessed_on FROM follow_up_outcome o WHERE o.patient_id = :'patient_id'
UNION ALL
SELECT 'candidate', c.id, c.created_at::date FROM repeat_candidate c WHERE c.patient_id = :'patient_id'
UNION ALL
SELECT 'procedure', k.id, k.performed_at::date FROM known_procedure k WHERE k.patient_id = :'patient_id'
ORDER BY day;
