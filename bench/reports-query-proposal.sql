-- A proposal for the lead (bench/reports.sh, issue 11), not used by the service: the same rows as
-- report/ReportedProcedures.PROCEDURES (checked with EXCEPT both ways on the benchmark's 100,000 procedures: no
-- difference in procedure, last outcome, repeat and every window's outcome/responder/pain/MME), for about half the
-- database's CPU. Measured on the benchmark's data set (backend CPU from /proc, parallel workers off, a busy machine):
--   every procedure (100,000):               PROCEDURES 2.4 s CPU, this 1.3 s
--   cryoneurolysis of the last year (12,513): PROCEDURES 1.1 s CPU, this 0.38 s
-- What it changes:
--   1. the outcomes in scope are read and sorted once: each is given its window with a CASE (months 3, 6, 12 as
--      ReportWindow says, else null) instead of a join with a VALUES list that makes three rows of every outcome and
--      throws most away in a join filter (1,146,716 of 1,309,908 on the benchmark);
--   2. the latest outcome of each window is pivoted into one row per plan by a GROUP BY with FILTER aggregates, so
--      the final select joins one small row per plan instead of the windowed CTE three times (each a hash of it);
--   3. the latest outcome of all comes from the same pass (max over the plan), not a second scan of the outcomes;
--   4. nerves: jsonb_path_query_array(targets, '$[*].nerve') (a jsonb array; Java makes them distinct) instead of
--      ARRAY(SELECT DISTINCT ... jsonb_array_elements ...), a subquery per procedure (about 0.2 s CPU per 100,000).
-- Also worth it: SET LOCAL work_mem = '32MB' in the report's read-only transaction: with the default 4MB the sorts
-- of both shapes spill to disk ("external merge", 9 MB for every procedure).
-- :from and :to as in bench/reports-queries.sql; the other filters go into scope as ReportedProcedures.filters writes them.
WITH scope AS MATERIALIZED (
    SELECT p.id AS plan_id, p.procedure_id, p.patient_id, p.performed_on, p.modality AS plan_modality,
           p.protocol_version, k.modality, k.indication_code, k.targets, p.baseline_pain_score,
           p.responder_since, p.relief_ended_on, p.previous_procedure_id
    FROM follow_up_plan p JOIN known_procedure k ON k.id = p.procedure_id
    WHERE true AND p.performed_on >= :from AND p.performed_on <= :to
),
assessed AS (
    SELECT o.plan_id, o.assessed_on, o.recorded_at, o.responder, o.pain_score, o.opioid_mme_per_day,
           CASE WHEN o.assessed_on - s.performed_on BETWEEN 60 AND 120 THEN 3
                WHEN o.assessed_on - s.performed_on BETWEEN 150 AND 210 THEN 6
                WHEN o.assessed_on - s.performed_on BETWEEN 330 AND 390 THEN 12 END AS month
    FROM scope s JOIN follow_up_outcome o ON o.plan_id = s.plan_id
),
latest AS (
    SELECT DISTINCT ON (plan_id, month) plan_id, month, responder, pain_score, opioid_mme_per_day,
           max(assessed_on) OVER (PARTITION BY plan_id) AS last_on
    FROM assessed
    ORDER BY plan_id, month, assessed_on DESC, recorded_at DESC
),
outcomes AS (
    SELECT plan_id, max(last_on) AS last_on,
           bool_or(month = 3) AS m3_outcome, bool_or(responder) FILTER (WHERE month = 3) AS m3_responder,
           max(pain_score) FILTER (WHERE month = 3) AS m3_pain, max(opioid_mme_per_day) FILTER (WHERE month = 3) AS m3_mme,
           bool_or(month = 6) AS m6_outcome, bool_or(responder) FILTER (WHERE month = 6) AS m6_responder,
           max(pain_score) FILTER (WHERE month = 6) AS m6_pain, max(opioid_mme_per_day) FILTER (WHERE month = 6) AS m6_mme,
           bool_or(month = 12) AS m12_outcome, bool_or(responder) FILTER (WHERE month = 12) AS m12_responder,
           max(pain_score) FILTER (WHERE month = 12) AS m12_pain, max(opioid_mme_per_day) FILTER (WHERE month = 12) AS m12_mme
    FROM latest GROUP BY plan_id
),
repeated AS (
    SELECT n.previous_procedure_id AS procedure_id, min(n.performed_on) AS performed_on
    FROM scope s JOIN follow_up_plan n ON n.previous_procedure_id = s.procedure_id
    GROUP BY n.previous_procedure_id
)
SELECT s.procedure_id, s.patient_id, s.performed_on, s.plan_modality, s.protocol_version, s.modality, s.indication_code,
       jsonb_path_query_array(s.targets, '$[*].nerve') AS nerves,
       s.baseline_pain_score, s.responder_since, s.relief_ended_on,
       s.previous_procedure_id IS NOT NULL AS is_repeat, s.performed_on - prev.performed_on AS days_since_previous,
       o.last_on AS last_outcome_on, r.performed_on AS repeated_on, NULL::numeric AS opioid_before,
       coalesce(o.m3_outcome, false) AS m3_outcome, o.m3_responder, o.m3_pain, o.m3_mme,
       coalesce(o.m6_outcome, false) AS m6_outcome, o.m6_responder, o.m6_pain, o.m6_mme,
       coalesce(o.m12_outcome, false) AS m12_outcome, o.m12_responder, o.m12_pain, o.m12_mme
FROM scope s
LEFT JOIN follow_up_plan prev ON prev.procedure_id = s.previous_procedure_id
LEFT JOIN outcomes o ON o.plan_id = s.plan_id
LEFT JOIN repeated r ON r.procedure_id = s.procedure_id;
