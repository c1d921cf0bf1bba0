-- Data set of bench/reports.sh: exactly 100,000 procedures (known_procedure and follow_up_plan) and 700,000
-- follow-up visits in followup-service's database, made in PostgreSQL (generate_series), not through the API.
--
--   psql -v today=2026-11-26 -v script_sha=x -f bench/reports-data.sql followups_reports_bench   (migrated first)
--
-- Three years of a clinic, seen on :today:
--   - 85,000 patients, each keeping one modality: 79 in 200 cryoneurolysis, 81 RFA, 40 nerve block (within every
--     200 consecutive patients, so the repeat patients below have the same mix); 14,000 of them had a second
--     treatment of the same targets and 1,000 of those a third: 15,000 repeats (15 %) linked by
--     previous_procedure_id, 100,000 procedures: 39,500 cryoneurolysis, 40,500 RFA, 20,000 nerve blocks;
--   - indications and nerves by modality (knee OA on the genicular nerves for all three; post-mastectomy and
--     intercostal pain on the intercostal nerves; facet pain on the lumbar medial branches and L5 dorsal ramus;
--     occipital neuralgia on the greater occipital nerve);
--   - the plans follow protocol version 2 (added here, as a clinic admin would: see below), whose visits reach
--     months 3, 6 and 12 for the three modalities: 9 visits for cryoneurolysis, 7 for RFA, 3 for a nerve block,
--     699,000 protocol visits; 1,000 procedures had a serious complication (a safety-check visit two days after
--     its onset): 700,000 visits; 2,000 more had a minor one: 3,000 adverse events (3 %);
--   - visits are in the state time made them: a window closed before the next treatment or today was completed
--     (84 %, 4 % of them documented late) or missed, and all of them missed from the day a patient dropped out
--     (12 % of plans drop out at some point); a window open today is completed for 35 % and open otherwise; later
--     windows are open (scheduled); visits still open when the next treatment came were cancelled by it;
--   - responders (pain at most half the baseline): 70 % of cryoneurolysis plans, 65 % of RFA, 55 % of blocks, for
--     180-360 days (cryo), 90-270 (RFA) or 7-30 (block), then the relief wanes (pain near baseline): one
--     repeat-treatment candidate per waning plan (REPEATED when a next treatment exists); a repeat treatment ends
--     the relief of the plan it repeats when waning did not end it first (relief_ended_by_procedure_id);
--   - opioids: 45 % of patients take some (10-90 MME/day) at intake (known_patient, unknown for 1 in 10 charts);
--     responders take about half while relieved;
--   - the patients answered a quarter of the last year's visits themselves, through a link (issue 12);
--   - consecutive misses and lost to follow-up (2 misses in a row, clinic.followups.lost-after-misses) follow.
-- Everything the service writes at run time (audit, outbox, processed events, idempotency) is emptied. One
-- transaction; about a minute.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL work_mem = '256MB';
SET LOCAL synchronous_commit = off;
SELECT setseed(0.2611);

TRUNCATE known_patient, known_procedure, known_adverse_event, follow_up_plan, plan_report_facts, follow_up_visit,
         visit_reschedule, follow_up_outcome, observed_adverse_event, repeat_candidate, audit_entry, outbox_event,
         processed_event, patient_link;
DELETE FROM protocol_visit WHERE version > 1;
-- The report's facts (plan_report_facts) are made once at the end, from the whole data set, instead of by their
-- triggers statement by statement: in a schema just made, the triggers' statements over 100,000 rows loaded in
-- this transaction were planned without statistics and ran for many minutes. The facts are the same.
ALTER TABLE follow_up_plan DISABLE TRIGGER plan_report_facts_plan_insert,
    DISABLE TRIGGER plan_report_facts_plan_update, DISABLE TRIGGER plan_report_facts_plan_delete;
ALTER TABLE follow_up_outcome DISABLE TRIGGER plan_report_facts_outcome_insert,
    DISABLE TRIGGER plan_report_facts_outcome_update, DISABLE TRIGGER plan_report_facts_outcome_delete;
DELETE FROM protocol_version WHERE version > 1;

-- ------------------------------------------------------------------------------------------------ protocol v2
-- Version 1 (the migration's) stops at month 12 for cryoneurolysis, month 9 for RFA and week 2 for a block; a clinic
-- that reports outcomes at 3, 6 and 12 months sees its patients then, and longer after cryoneurolysis.
INSERT INTO protocol_version (modality, version, changed_by, changed_at) VALUES
    ('CRYONEUROLYSIS', 2, 'admin1', :'today'::date - 1200),
    ('RADIOFREQUENCY_ABLATION', 2, 'admin1', :'today'::date - 1200),
    ('NERVE_BLOCK', 2, 'admin1', :'today'::date - 1200);
INSERT INTO protocol_visit (modality, version, position, label, offset_days, window_before_days, window_after_days) VALUES
    ('CRYONEUROLYSIS', 2, 1, 'DAY_2', 2, 1, 1),
    ('CRYONEUROLYSIS', 2, 2, 'WEEK_2', 14, 3, 3),
    ('CRYONEUROLYSIS', 2, 3, 'WEEK_6', 42, 3, 3),
    ('CRYONEUROLYSIS', 2, 4, 'MONTH_3', 90, 14, 14),
    ('CRYONEUROLYSIS', 2, 5, 'MONTH_6', 180, 14, 14),
    ('CRYONEUROLYSIS', 2, 6, 'MONTH_9', 270, 14, 14),
    ('CRYONEUROLYSIS', 2, 7, 'MONTH_12', 360, 14, 14),
    ('CRYONEUROLYSIS', 2, 8, 'MONTH_18', 540, 21, 21),
    ('CRYONEUROLYSIS', 2, 9, 'MONTH_24', 720, 21, 21),
    ('RADIOFREQUENCY_ABLATION', 2, 1, 'WEEK_2', 14, 3, 3),
    ('RADIOFREQUENCY_ABLATION', 2, 2, 'MONTH_1', 30, 7, 7),
    ('RADIOFREQUENCY_ABLATION', 2, 3, 'MONTH_3', 90, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 2, 4, 'MONTH_6', 180, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 2, 5, 'MONTH_9', 270, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 2, 6, 'MONTH_12', 360, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 2, 7, 'MONTH_18', 540, 21, 21),
    ('NERVE_BLOCK', 2, 1, 'DAY_1', 1, 1, 1),
    ('NERVE_BLOCK', 2, 2, 'WEEK_2', 14, 3, 3),
    ('NERVE_BLOCK', 2, 3, 'MONTH_3', 90, 14, 14);

-- ------------------------------------------------------------------------------------------------ patients
CREATE TEMP TABLE g_patient ON COMMIT DROP AS
SELECT q,
       gen_random_uuid() AS id,
       CASE WHEN q % 200 < 79 THEN 'CRYONEUROLYSIS' WHEN q % 200 < 160 THEN 'RADIOFREQUENCY_ABLATION'
            ELSE 'NERVE_BLOCK' END AS modality,
       1 + (q < 14000)::int + (q < 1000)::int AS treatments,
       floor(random() * 3)::int AS variant,      -- which indication and targets, within the modality
       5 + floor(random() * 5)::int AS baseline,
       CASE WHEN random() < 0.45 THEN 10 + floor(random() * 81)::int ELSE 0 END AS mme_before,
       CASE WHEN random() < 0.05 THEN NULL ELSE 'coordinator' || (1 + floor(random() * 10)::int) END AS assignee,
       CASE WHEN random() < 0.5 THEN 'LEFT' ELSE 'RIGHT' END AS side,
       random() AS r
FROM generate_series(0, 84999) AS q;

INSERT INTO known_patient (id, mrn, display_name, baseline_pain_score, opioid_mme_per_day, demographics_version)
SELECT id, 'MRN' || lpad((300000 + q)::text, 8, '0'),
       (ARRAY['Lindqvist', 'Okafor', 'Tanaka', 'García', 'Novak', 'Haddad', 'Schmidt', 'Moreau', 'Rossi', 'Kowalski',
              'Nguyen', 'Adeyemi', 'Johansson', 'Murphy', 'Silva', 'Petrov'])[q % 16 + 1] || ', ' ||
       (ARRAY['Maria', 'John', 'Aiko', 'Oluwaseun', 'Ingrid', 'Mateo', 'Fatima', 'Henrik', 'Grace', 'Ravi', 'Elena',
              'Tomasz', 'Amara', 'Lucas', 'Sofia', 'Yusuf', 'Hannah'])[q % 17 + 1],
       baseline, CASE WHEN r < 0.1 THEN NULL ELSE mme_before END, 1   -- 1 in 10 charts do not say
FROM g_patient;

-- ------------------------------------------------------------------------------------------------ procedures
CREATE TEMP TABLE g_plan ON COMMIT DROP AS
WITH spaced AS (
    -- the next treatment comes when the relief has (nearly) worn off: days after the previous one, by modality
    SELECT g.*, CASE g.modality WHEN 'CRYONEUROLYSIS' THEN 200 + floor(random() * 221)::int
                                WHEN 'RADIOFREQUENCY_ABLATION' THEN 120 + floor(random() * 211)::int
                                ELSE 30 + floor(random() * 91)::int END AS gap_days
    FROM g_patient g
), first AS (
    SELECT s.*, :'today'::date - 1095 + floor(random() * (1096 - (s.treatments - 1) * s.gap_days))::int AS first_on
    FROM spaced s
), plan AS (
    SELECT f.q, f.id AS patient_id, f.modality, f.baseline, f.mme_before, f.assignee, f.variant, f.side, k,
           gen_random_uuid() AS plan_id, gen_random_uuid() AS procedure_id,
           f.first_on + k * f.gap_days AS performed_on,
           CASE WHEN k + 1 < f.treatments THEN f.first_on + (k + 1) * f.gap_days END AS next_on,
           make_interval(mins => 480 + floor(random() * 480)::int) AS time_of_day,
           random() < CASE f.modality WHEN 'CRYONEUROLYSIS' THEN 0.70 WHEN 'RADIOFREQUENCY_ABLATION' THEN 0.65
                                      ELSE 0.55 END AS responds,
           CASE f.modality WHEN 'CRYONEUROLYSIS' THEN 180 + floor(random() * 181)::int
                           WHEN 'RADIOFREQUENCY_ABLATION' THEN 90 + floor(random() * 181)::int
                           ELSE 7 + floor(random() * 24)::int END AS relief_days,
           -- 12 % of plans lose the patient: every visit due from that day on is missed
           CASE WHEN random() < 0.12 THEN 20 + floor(random() * 500)::int END AS drops_out_after,
           -- the pain just before the procedure, else (null) the chart's baseline
           CASE WHEN random() < 0.8 THEN least(10, f.baseline + floor(random() * 2)::int) END AS pain_before,
           -- the chart's intake opioids (known_patient.opioid_mme_per_day), frozen on the plan when it starts
           CASE WHEN f.r < 0.1 THEN NULL ELSE f.mme_before END AS chart_mme
    FROM first f CROSS JOIN LATERAL generate_series(0, f.treatments - 1) AS k
)
SELECT plan.*, lag(procedure_id) OVER (PARTITION BY q ORDER BY k) AS previous_procedure_id,
       lead(procedure_id) OVER (PARTITION BY q ORDER BY k) AS next_procedure_id,
       coalesce(pain_before, baseline) AS plan_baseline,
       row_number() OVER (ORDER BY performed_on, plan_id) AS n
FROM plan;
CREATE INDEX ON g_plan (plan_id);

INSERT INTO known_procedure (id, patient_id, performed_at, modality, indication_code, targets, pain_before,
                             treatment_number, previous_procedure_id, early_repeat, version)
SELECT procedure_id, patient_id, performed_on + time_of_day, modality,
       CASE modality
           WHEN 'CRYONEUROLYSIS' THEN (ARRAY['KNEE_OSTEOARTHRITIS', 'POST_MASTECTOMY_PAIN', 'KNEE_OSTEOARTHRITIS'])[variant + 1]
           WHEN 'RADIOFREQUENCY_ABLATION' THEN (ARRAY['LOW_BACK_FACET_PAIN', 'KNEE_OSTEOARTHRITIS', 'LOW_BACK_FACET_PAIN'])[variant + 1]
           ELSE (ARRAY['OCCIPITAL_NEURALGIA', 'KNEE_OSTEOARTHRITIS', 'INTERCOSTAL_NEURALGIA'])[variant + 1] END,
       CASE
           WHEN modality = 'CRYONEUROLYSIS' AND variant = 1 OR modality = 'NERVE_BLOCK' AND variant = 2 THEN
               jsonb_build_array(jsonb_build_object('nerve', 'INTERCOSTAL', 'laterality', side, 'level', 'T4'),
                                 jsonb_build_object('nerve', 'INTERCOSTAL', 'laterality', side, 'level', 'T5'))
           WHEN modality = 'RADIOFREQUENCY_ABLATION' AND variant <> 1 THEN
               jsonb_build_array(jsonb_build_object('nerve', 'LUMBAR_MEDIAL_BRANCH', 'laterality', 'BILATERAL', 'level', 'L3'),
                                 jsonb_build_object('nerve', 'LUMBAR_MEDIAL_BRANCH', 'laterality', 'BILATERAL', 'level', 'L4'),
                                 jsonb_build_object('nerve', 'L5_DORSAL_RAMUS', 'laterality', 'BILATERAL'))
           WHEN modality = 'NERVE_BLOCK' AND variant = 0 THEN
               jsonb_build_array(jsonb_build_object('nerve', 'GREATER_OCCIPITAL', 'laterality', side))
           ELSE
               jsonb_build_array(jsonb_build_object('nerve', 'SUPEROMEDIAL_GENICULAR', 'laterality', side),
                                 jsonb_build_object('nerve', 'SUPEROLATERAL_GENICULAR', 'laterality', side),
                                 jsonb_build_object('nerve', 'INFEROMEDIAL_GENICULAR', 'laterality', side))
       END,
       pain_before, k + 1, previous_procedure_id, false, 1   -- repeats are >= 30 days apart: never early
FROM g_plan;

INSERT INTO follow_up_plan (id, procedure_id, patient_id, modality, protocol_version, performed_on, treatment_number,
                            previous_procedure_id, baseline_pain_score, created_at, opioid_mme_before)
SELECT plan_id, procedure_id, patient_id, modality, 2, performed_on, k + 1, previous_procedure_id, plan_baseline,
       least(performed_on + time_of_day + interval '2 hours', now()), chart_mme
FROM g_plan;

-- ------------------------------------------------------------------------------------------------ adverse events
-- every 100th procedure (in date order) a serious complication two days after it, 2 in 100 more a minor one
CREATE TEMP TABLE g_event ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, plan_id, procedure_id, patient_id, performed_on, n % 100 = 0 AS serious,
       CASE WHEN n % 100 = 0 THEN performed_on + 2 ELSE performed_on + 1 + floor(random() * 10)::int END AS onset_on,
       CASE WHEN n % 100 = 0
            THEN (ARRAY['PROLONGED_NUMBNESS', 'MOTOR_WEAKNESS', 'SUPERFICIAL_INFECTION', 'BLEEDING',
                        'POST_PROCEDURE_HYPERALGESIA'])[(n / 100) % 5 + 1]
            ELSE (ARRAY['BRUISING', 'SORENESS', 'SWELLING', 'TEMPORARY_NUMBNESS', 'SKIN_DISCOLORATION'])[(n / 33) % 5 + 1]
       END AS type
FROM g_plan
WHERE n % 100 IN (0, 33, 66);
INSERT INTO known_adverse_event (id, procedure_id, patient_id, type, severity, serious, onset_on, outcome, resolved_on,
                                 version, serious_since)
SELECT id, procedure_id, patient_id, type, CASE WHEN serious THEN 'SEVERE' ELSE 'MILD' END, serious, onset_on,
       CASE WHEN onset_on < :'today'::date - 60 THEN 'RESOLVED' ELSE 'RESOLVING' END,
       CASE WHEN onset_on < :'today'::date - 60 THEN onset_on + 30 END, 1,
       CASE WHEN serious THEN onset_on END
FROM g_event;

-- ------------------------------------------------------------------------------------------------ visits
CREATE TEMP TABLE g_visit ON COMMIT DROP AS
WITH scheduled AS (
    SELECT g.plan_id, g.patient_id, g.procedure_id, g.next_procedure_id, g.modality, g.assignee, g.performed_on,
           g.next_on, g.drops_out_after, v.label, 'PROTOCOL' AS kind, v.offset_days,
           g.performed_on + v.offset_days AS due_on,
           g.performed_on + v.offset_days - v.window_before_days AS window_start,
           g.performed_on + v.offset_days + v.window_after_days AS window_end, NULL::uuid AS adverse_event_id
    FROM g_plan g JOIN protocol_visit v ON v.modality = g.modality AND v.version = 2
    UNION ALL
    SELECT g.plan_id, g.patient_id, g.procedure_id, g.next_procedure_id, g.modality, g.assignee, g.performed_on,
           g.next_on, NULL, 'SAFETY_CHECK', 'SAFETY_CHECK', NULL, e.onset_on + 2, e.onset_on + 1, e.onset_on + 3, e.id
    FROM g_event e JOIN g_plan g USING (plan_id)
    WHERE e.serious
), seen AS (
    -- the day the visit's fate was settled: the next treatment (which cancels what is still open) or today
    SELECT s.*, least(coalesce(next_on, :'today'::date + 1) - 1, :'today'::date) AS seen_on, random() AS r
    FROM scheduled s
)
SELECT gen_random_uuid() AS id, seen.*,
       CASE WHEN window_end < seen_on AND offset_days >= drops_out_after THEN 'MISSED'
            WHEN window_end < seen_on THEN CASE WHEN r < 0.84 THEN 'COMPLETED' ELSE 'MISSED' END
            WHEN window_start <= seen_on AND r < 0.35 AND NOT offset_days >= drops_out_after IS TRUE THEN 'COMPLETED'
            WHEN kind = 'PROTOCOL' AND next_on IS NOT NULL THEN 'CANCELLED'
            ELSE 'OPEN' END AS state,
       window_end < seen_on AND r >= 0.80 AND r < 0.84 AS documented_late
FROM seen;

INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days, due_on,
                             window_start, window_end, last_day, state, assignee, adverse_event_id, missed_on,
                             cancelled_by_procedure_id)
SELECT id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days, due_on, window_start, window_end,
       window_end, state, assignee, adverse_event_id, CASE WHEN state = 'MISSED' THEN window_end + 1 END,
       CASE WHEN state = 'CANCELLED' THEN next_procedure_id END
FROM g_visit
ORDER BY performed_on, plan_id, due_on;   -- the order plans are made in: a day's visits are spread over the table

-- ------------------------------------------------------------------------------------------------ outcomes
CREATE TEMP TABLE g_outcome ON COMMIT DROP AS
WITH assessed AS (
    SELECT v.id AS visit_id, v.plan_id, v.patient_id, v.procedure_id, v.assignee, v.documented_late, g.modality,
           g.variant, g.responds, g.relief_days, g.plan_baseline AS baseline, g.mme_before, g.performed_on,
           CASE WHEN v.documented_late THEN least(v.window_end + 1 + floor(random() * 10)::int, v.seen_on)
                ELSE v.window_start + floor(random() * (least(v.window_end, v.seen_on) - v.window_start + 1))::int
           END AS assessed_on,
           random() AS r
    FROM g_visit v JOIN g_plan g USING (plan_id)
    WHERE v.state = 'COMPLETED'
), measured AS (
    SELECT a.*, a.responds AND a.assessed_on - a.performed_on < a.relief_days AS relieved,
           CASE WHEN NOT a.responds THEN greatest(0, a.baseline - 1 - floor(a.r * 3)::int)
                WHEN a.assessed_on - a.performed_on < a.relief_days THEN greatest(0, a.baseline / 2 - floor(a.r * 3)::int)
                ELSE a.baseline - floor(a.r * 2)::int END AS pain
    FROM assessed a
), judged AS (
    SELECT m.*, 2 * (m.baseline - m.pain) >= m.baseline AS responder,
           bool_or(2 * (m.baseline - m.pain) >= m.baseline) OVER earlier AS was_responder
    FROM measured m
    WINDOW earlier AS (PARTITION BY m.plan_id ORDER BY m.assessed_on, m.visit_id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT j.*, coalesce(j.was_responder, false) AND NOT j.responder AS waning FROM judged j;

INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score, relief_percent,
                               function_instrument, function_value, opioid_mme_per_day, satisfaction,
                               sensation_returned, notes, documented_late, responder, waning_relief, waning_reasons,
                               recorded_by, recorded_at, reported_by)
SELECT visit_id, plan_id, patient_id, procedure_id, assessed_on, pain,
       CASE WHEN relieved THEN 55 + floor(r * 36)::int ELSE floor(r * 41)::int END,
       CASE WHEN variant = 1 AND modality = 'CRYONEUROLYSIS' OR modality = 'NERVE_BLOCK' AND variant <> 1
                THEN 'PROMIS_PHYSICAL_FUNCTION'
            WHEN modality = 'RADIOFREQUENCY_ABLATION' AND variant <> 1 THEN 'ODI'
            ELSE 'WOMAC' END,
       CASE WHEN variant = 1 AND modality = 'CRYONEUROLYSIS' OR modality = 'NERVE_BLOCK' AND variant <> 1
                THEN 30 + pain * 2
            ELSE pain * 8 + floor(r * 10) END,
       CASE WHEN mme_before = 0 THEN 0
            WHEN relieved THEN round((mme_before * (0.3 + 0.4 * r))::numeric, 1)
            ELSE round((mme_before * (0.8 + 0.3 * r))::numeric, 1) END,
       CASE WHEN relieved THEN 4 + floor(r * 2)::int ELSE 2 + floor(r * 2)::int END,
       CASE WHEN modality = 'CRYONEUROLYSIS' THEN NOT relieved AND responds END,
       CASE WHEN r < 0.05 THEN 'Walks the dog again; asks about the next appointment.' END,
       documented_late, responder, waning,
       CASE WHEN NOT waning THEN '{}'::text[]
            WHEN modality = 'CRYONEUROLYSIS' THEN ARRAY['RELIEF_BELOW_50_PERCENT', 'PAIN_REDUCTION_BELOW_50_PERCENT',
                                                        'PAIN_UP_2_FROM_BEST', 'SENSATION_RETURNED_WITH_PAIN']
            ELSE ARRAY['RELIEF_BELOW_50_PERCENT', 'PAIN_REDUCTION_BELOW_50_PERCENT', 'PAIN_UP_2_FROM_BEST'] END,
       CASE WHEN patient THEN 'patient' ELSE coalesce(assignee, 'coordinator1') END,
       assessed_on + interval '10 hours' + make_interval(mins => floor(r * 420)::int),
       CASE WHEN patient THEN 'PATIENT' ELSE 'STAFF' END
FROM (SELECT o.*, o.assessed_on > :'today'::date - 365 AND o.r >= 0.75 AS patient FROM g_outcome o) g_outcome;

-- the plan's response as the outcome package keeps it; relief ends at the first waning outcome or, before that,
-- at the next treatment (PlanChanges.endPlan: relief_ended_by_procedure_id says which)
UPDATE follow_up_plan p
SET responder_since = s.responder_since, best_pain_score = s.best_pain,
    relief_ended_on = least(s.waned_on, g.next_on),
    relief_ended_by_procedure_id = CASE WHEN g.next_on IS NOT NULL AND (s.waned_on IS NULL OR g.next_on < s.waned_on)
                                        THEN g.next_procedure_id END
FROM g_plan g LEFT JOIN (
        SELECT plan_id, min(assessed_on) FILTER (WHERE responder) AS responder_since, min(pain) AS best_pain,
               min(assessed_on) FILTER (WHERE waning) AS waned_on
        FROM g_outcome GROUP BY plan_id) s ON s.plan_id = g.plan_id
WHERE p.id = g.plan_id AND (s.plan_id IS NOT NULL OR g.next_on IS NOT NULL);

-- responders still relieved: an expected end of relief from the modality's typical duration
UPDATE follow_up_plan p
SET expected_relief_end = p.performed_on + e.likely_days,
    expected_relief_earliest = p.performed_on + e.earliest_days,
    expected_relief_latest = p.performed_on + e.latest_days,
    expected_relief_basis = CASE WHEN p.treatment_number > 1 THEN 'OWN_HISTORY' ELSE 'CLINIC_RECORD' END,
    expected_relief_sample = CASE WHEN p.treatment_number > 1 THEN p.treatment_number - 1 ELSE 1000 END
FROM (VALUES ('CRYONEUROLYSIS', 270, 180, 360), ('RADIOFREQUENCY_ABLATION', 180, 90, 270),
             ('NERVE_BLOCK', 18, 7, 30)) AS e (modality, likely_days, earliest_days, latest_days)
WHERE e.modality = p.modality AND p.responder_since IS NOT NULL AND p.relief_ended_on IS NULL;

-- one repeat-treatment candidate per plan whose relief waned, at its first waning outcome
INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at, status, decided_by,
                              decided_at, decision_reason, repeat_procedure_id, closed_at, status_before_repeat)
SELECT gen_random_uuid(), w.plan_id, w.patient_id, w.procedure_id, w.visit_id, w.waning_reasons, w.recorded_at,
       d.status,
       CASE WHEN d.status IN ('CONSULT_BOOKED', 'DISMISSED') THEN w.recorded_by END,
       CASE WHEN d.status IN ('CONSULT_BOOKED', 'DISMISSED') THEN w.recorded_at + interval '3 days' END,
       CASE WHEN d.status = 'DISMISSED' THEN 'Pain manageable with physiotherapy; patient prefers to wait.' END,
       CASE WHEN d.status = 'REPEATED' THEN g.next_procedure_id END,
       CASE WHEN d.status = 'REPEATED' THEN g.next_on + time '12:00' END,
       CASE WHEN d.status = 'REPEATED' THEN 'OPEN' END
FROM (SELECT DISTINCT ON (o.plan_id) o.plan_id, o.patient_id, o.procedure_id, o.visit_id, fo.waning_reasons,
             fo.recorded_at, fo.recorded_by, o.r
      FROM g_outcome o JOIN follow_up_outcome fo USING (visit_id)
      WHERE o.waning ORDER BY o.plan_id, o.assessed_on) w
JOIN g_plan g ON g.plan_id = w.plan_id
CROSS JOIN LATERAL (SELECT CASE WHEN g.next_on IS NOT NULL THEN 'REPEATED'
                                WHEN w.recorded_at < :'today'::date - 60 AND w.r < 0.5 THEN 'CONSULT_BOOKED'
                                WHEN w.recorded_at < :'today'::date - 60 AND w.r < 0.7 THEN 'DISMISSED'
                                ELSE 'OPEN' END AS status) d;

-- misses in a row since the patient's last outcome; two make the patient lost to follow-up
UPDATE known_patient k
SET consecutive_misses = s.misses,
    lost_to_follow_up_since = CASE WHEN s.misses >= 2 THEN s.second_miss_on END
FROM (SELECT v.patient_id, count(*) AS misses, (array_agg(v.missed_on ORDER BY v.missed_on))[2] AS second_miss_on
      FROM follow_up_visit v
      LEFT JOIN (SELECT patient_id, max(assessed_on) AS last_on FROM follow_up_outcome GROUP BY patient_id) o
             ON o.patient_id = v.patient_id
      WHERE v.state = 'MISSED' AND v.missed_on > coalesce(o.last_on, '-infinity'::date)
      GROUP BY v.patient_id) s
WHERE k.id = s.patient_id;

-- the report's facts of every plan, as the triggers keep them, planned with the data set's statistics
ANALYZE follow_up_plan, follow_up_outcome, follow_up_visit, known_patient, known_procedure, protocol_visit;
SELECT plan_report_facts_refresh(ARRAY(SELECT id FROM follow_up_plan)) \g /dev/null
ALTER TABLE follow_up_plan ENABLE TRIGGER plan_report_facts_plan_insert,
    ENABLE TRIGGER plan_report_facts_plan_update, ENABLE TRIGGER plan_report_facts_plan_delete;
ALTER TABLE follow_up_outcome ENABLE TRIGGER plan_report_facts_outcome_insert,
    ENABLE TRIGGER plan_report_facts_outcome_update, ENABLE TRIGGER plan_report_facts_outcome_delete;

DROP TABLE IF EXISTS bench_dataset;
CREATE TABLE bench_dataset (
    generated_at timestamptz NOT NULL,
    seen_on      date        NOT NULL,
    script_sha   text        NOT NULL,
    procedures   integer     NOT NULL,
    plans        integer     NOT NULL,
    visits       integer     NOT NULL,
    migrations   integer     NOT NULL   -- Flyway migrations applied when it was made
);
COMMENT ON TABLE bench_dataset IS 'bench/reports.sh: what bench/reports-data.sql generated (not the service''s)';
INSERT INTO bench_dataset
SELECT now(), :'today', :'script_sha', (SELECT count(*) FROM known_procedure), (SELECT count(*) FROM follow_up_plan),
       (SELECT count(*) FROM follow_up_visit), (SELECT count(*) FROM flyway_schema_history WHERE success);
COMMIT;
