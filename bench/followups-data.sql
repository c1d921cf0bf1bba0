-- Data set of bench/followups.sh: 100,000 patients and exactly 1,000,000 follow-up visits in followups_bench,
-- made in PostgreSQL (generate_series), not through the API, in a few minutes.
--
--   psql -v today=2026-11-25 -f bench/followups-data.sql followups_bench      (the service has migrated it)
--
-- The spread is meant to look like two years of a busy clinic, seen on :today:
--   - a patient keeps one modality (9 in 20 cryoneurolysis, 6 RFA, 5 nerve block) and has 2 treatments of the same
--     targets (3 for the first 6,000 patients), 120-360 days apart, the first within the last 2 years: treatment
--     numbers 1, 2, 3 linked by previous_procedure_id; 206,000 plans from protocol version 1, 999,100 visits;
--   - 900 plans had a serious complication and got a safety-check visit two days after its onset: 1,000,000 visits;
--   - visits are in the state time made them: a window closed before the patient's next treatment or today was
--     completed (80 % on time, 4 % documented late) or missed; a window open today is completed for 35 % and open
--     (due/overdue) otherwise; later windows are open (scheduled); a plan's visits not yet done when the next
--     treatment started were cancelled (as the plan package does);
--   - 65 % of plans respond (pain at most half the baseline) for a relief that lasts 180-360 days (cryo), 120-270
--     (RFA) or 7-30 (block), then wane (pain back near baseline, relief under 50 %, sensation back after cryo):
--     waning makes one repeat-treatment candidate (REPEATED when a next treatment exists, else open, consult
--     booked or dismissed); responders whose relief has not ended have an expected end of relief with a basis;
--   - each patient has one of coordinator1..coordinator10 as assignee of its visits, 5 % of patients none;
--   - consecutive misses and lost to follow-up (3 misses in a row, clinic.followups.lost-after-misses) follow
--     from the visits.
-- Everything the service writes at run time (audit, outbox, processed events) is emptied. Runs in one transaction.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL work_mem = '256MB';
SET LOCAL synchronous_commit = off;
SELECT setseed(0.1907);

TRUNCATE known_patient, known_procedure, known_adverse_event, follow_up_plan, follow_up_visit, visit_reschedule,
         follow_up_outcome, follow_up_outcome_version, observed_adverse_event, repeat_candidate, patient_link,
         audit_entry, outbox_event, processed_event;

-- ------------------------------------------------------------------------------------------------ patients
CREATE TEMP TABLE g_patient ON COMMIT DROP AS
SELECT p,
       gen_random_uuid() AS id,
       CASE WHEN p % 20 < 9 THEN 'CRYONEUROLYSIS' WHEN p % 20 < 15 THEN 'RADIOFREQUENCY_ABLATION'
            ELSE 'NERVE_BLOCK' END AS modality,
       CASE WHEN p < 6000 THEN 3 ELSE 2 END AS treatments,
       120 + floor(random() * 241)::int AS gap_days,
       5 + floor(random() * 5)::int AS baseline,
       CASE WHEN random() < 0.05 THEN NULL ELSE 'coordinator' || (1 + floor(random() * 10)::int) END AS assignee,
       (p / 20) % 3 AS variant,      -- which indication and targets, within the modality
       CASE WHEN random() < 0.5 THEN 'LEFT' ELSE 'RIGHT' END AS side
FROM generate_series(0, 99999) AS p;

INSERT INTO known_patient (id, mrn, display_name, baseline_pain_score, demographics_version)
SELECT id, 'MRN' || lpad((100000 + p)::text, 8, '0'),
       (ARRAY['Lindqvist', 'Okafor', 'Tanaka', 'García', 'Novak', 'Haddad', 'Schmidt', 'Moreau', 'Rossi', 'Kowalski',
              'Nguyen', 'Adeyemi', 'Johansson', 'Murphy', 'Silva', 'Petrov'])[p % 16 + 1] || ', ' ||
       (ARRAY['Maria', 'John', 'Aiko', 'Oluwaseun', 'Ingrid', 'Mateo', 'Fatima', 'Henrik', 'Grace', 'Ravi', 'Elena',
              'Tomasz', 'Amara', 'Lucas', 'Sofia', 'Yusuf', 'Hannah'])[p % 17 + 1],
       baseline, 1
FROM g_patient;

-- ------------------------------------------------------------------------------------------------ plans
CREATE TEMP TABLE g_plan ON COMMIT DROP AS
WITH first AS (
    SELECT g.*, :'today'::date - 730 + floor(random() * (731 - (treatments - 1) * gap_days))::int AS first_on
    FROM g_patient g
), plan AS (
    SELECT f.p, f.id AS patient_id, f.modality, f.baseline, f.assignee, f.variant, f.side, k,
           gen_random_uuid() AS plan_id, gen_random_uuid() AS procedure_id,
           f.first_on + k * f.gap_days AS performed_on,
           CASE WHEN k + 1 < f.treatments THEN f.first_on + (k + 1) * f.gap_days END AS next_on,
           make_interval(mins => 480 + floor(random() * 480)::int) AS time_of_day,
           -- 65 % respond; relief lasts (days) by modality
           random() < 0.65 AS responds,
           CASE f.modality WHEN 'CRYONEUROLYSIS' THEN 180 + floor(random() * 181)::int
                           WHEN 'RADIOFREQUENCY_ABLATION' THEN 120 + floor(random() * 151)::int
                           ELSE 7 + floor(random() * 24)::int END AS relief_days,
           -- the pain just before the procedure, else (null) the chart's baseline
           CASE WHEN random() < 0.8 THEN least(10, f.baseline + floor(random() * 2)::int) END AS pain_before
    FROM first f CROSS JOIN LATERAL generate_series(0, f.treatments - 1) AS k
)
SELECT plan.*, lag(procedure_id) OVER (PARTITION BY p ORDER BY k) AS previous_procedure_id,
       coalesce(pain_before, baseline) AS plan_baseline
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
       pain_before, k + 1, previous_procedure_id, false, 1   -- repeats are >= 120 days apart: never early
FROM g_plan;

INSERT INTO follow_up_plan (id, procedure_id, patient_id, modality, protocol_version, performed_on, treatment_number,
                            previous_procedure_id, baseline_pain_score, created_at)
SELECT plan_id, procedure_id, patient_id, modality, 1, performed_on, k + 1, previous_procedure_id, plan_baseline,
       -- never after the generation (bench/followups.sh removes plans made after it: its own procedures')
       least(performed_on + time_of_day + interval '2 hours', now())
FROM g_plan;

-- ------------------------------------------------------------------------------------------------ visits
-- 900 plans (one in 228, spread over the two years) had a serious complication two days after the procedure
CREATE TEMP TABLE g_event ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, plan_id, procedure_id, patient_id, performed_on + 2 AS onset_on,
       (ARRAY['PROLONGED_NUMBNESS', 'MOTOR_WEAKNESS', 'SUPERFICIAL_INFECTION', 'BLEEDING', 'POST_PROCEDURE_HYPERALGESIA'])[n % 5 + 1] AS type
FROM (SELECT g.*, row_number() OVER (ORDER BY performed_on, plan_id) AS n FROM g_plan g) numbered
WHERE n % 228 = 0 AND n / 228 <= 900;
INSERT INTO known_adverse_event (id, procedure_id, patient_id, type, severity, serious, onset_on, outcome, resolved_on,
                                 version)
SELECT id, procedure_id, patient_id, type, 'SEVERE', true, onset_on,
       CASE WHEN onset_on < :'today'::date - 60 THEN 'RESOLVED' ELSE 'RESOLVING' END,
       CASE WHEN onset_on < :'today'::date - 60 THEN onset_on + 30 END, 1
FROM g_event;
-- the replica's later column (plan package's migration V2026112581_1), when the service has it
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'known_adverse_event' AND column_name = 'serious_since') THEN
        EXECUTE 'UPDATE known_adverse_event SET serious_since = onset_on WHERE serious';
    END IF;
END $$;

CREATE TEMP TABLE g_visit ON COMMIT DROP AS
WITH scheduled AS (
    SELECT g.plan_id, g.patient_id, g.procedure_id, g.modality, g.assignee, g.performed_on, g.next_on,
           v.label, 'PROTOCOL' AS kind, v.offset_days, g.performed_on + v.offset_days AS due_on,
           g.performed_on + v.offset_days - v.window_before_days AS window_start,
           g.performed_on + v.offset_days + v.window_after_days AS window_end, NULL::uuid AS adverse_event_id
    FROM g_plan g JOIN protocol_visit v ON v.modality = g.modality AND v.version = 1
    UNION ALL
    SELECT g.plan_id, g.patient_id, g.procedure_id, g.modality, g.assignee, g.performed_on, g.next_on,
           'SAFETY_CHECK', 'SAFETY_CHECK', NULL, e.onset_on + 2, e.onset_on + 1, e.onset_on + 3, e.id
    FROM g_event e JOIN g_plan g USING (plan_id)
), seen AS (
    -- the day the visit's fate was settled: the next treatment (which cancels what is still open) or today
    SELECT s.*, least(coalesce(next_on, :'today'::date + 1) - 1, :'today'::date) AS seen_on, random() AS r
    FROM scheduled s
)
SELECT gen_random_uuid() AS id, seen.*,
       CASE WHEN window_end < seen_on THEN
                CASE WHEN r < 0.84 THEN 'COMPLETED' ELSE 'MISSED' END
            WHEN window_start <= seen_on AND r < 0.35 THEN 'COMPLETED'
            WHEN next_on IS NOT NULL THEN 'CANCELLED'
            ELSE 'OPEN' END AS state,
       CASE WHEN window_end < seen_on AND r >= 0.80 AND r < 0.84 THEN true ELSE false END AS documented_late
FROM seen;

INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days, due_on,
                             window_start, window_end, last_day, state, assignee, adverse_event_id, missed_on)
SELECT id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days, due_on, window_start, window_end,
       window_end, state, assignee, adverse_event_id, CASE WHEN state = 'MISSED' THEN window_end + 1 END
FROM g_visit
ORDER BY performed_on, plan_id, due_on;   -- the order plans are made in: a day's visits are spread over the table

-- ------------------------------------------------------------------------------------------------ outcomes
CREATE TEMP TABLE g_outcome ON COMMIT DROP AS
WITH assessed AS (
    SELECT v.id AS visit_id, v.plan_id, v.patient_id, v.procedure_id, v.assignee, v.documented_late, g.modality,
           g.variant, g.responds, g.relief_days, g.plan_baseline AS baseline, g.performed_on,
           CASE WHEN v.documented_late THEN least(v.window_end + 1 + floor(random() * 10)::int, v.seen_on)
                ELSE v.window_start + floor(random() * (least(v.window_end, v.seen_on) - v.window_start + 1))::int
           END AS assessed_on,
           random() AS r
    FROM g_visit v JOIN g_plan g USING (plan_id)
    WHERE v.state = 'COMPLETED'
), measured AS (
    SELECT a.*, a.responds AND a.assessed_on - a.performed_on < a.relief_days AS relieved,
           CASE WHEN NOT a.responds THEN greatest(0, a.baseline - 1 - floor(a.r * 2)::int)
                WHEN a.assessed_on - a.performed_on < a.relief_days THEN greatest(0, a.baseline / 2 - floor(a.r * 2)::int)
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
                               recorded_by, recorded_at)
SELECT visit_id, plan_id, patient_id, procedure_id, assessed_on, pain,
       CASE WHEN relieved THEN 55 + floor(r * 36)::int ELSE floor(r * 41)::int END,
       CASE WHEN variant = 1 AND modality = 'CRYONEUROLYSIS' OR variant = 2 AND modality = 'NERVE_BLOCK'
                 OR variant = 0 AND modality = 'NERVE_BLOCK' THEN 'PROMIS_PHYSICAL_FUNCTION'
            WHEN modality = 'RADIOFREQUENCY_ABLATION' AND variant <> 1 THEN 'ODI'
            ELSE 'WOMAC' END,
       CASE WHEN variant = 1 AND modality = 'CRYONEUROLYSIS' OR modality = 'NERVE_BLOCK' AND variant <> 1
                THEN 30 + pain * 2
            ELSE pain * 8 + floor(r * 10) END,
       CASE WHEN r < 0.6 THEN 0 ELSE round((5 + pain * 3 * r)::numeric, 1) END,
       CASE WHEN relieved THEN 4 + floor(r * 2)::int ELSE 2 + floor(r * 2)::int END,
       CASE WHEN modality = 'CRYONEUROLYSIS' THEN NOT relieved AND responds END,
       CASE WHEN r < 0.05 THEN 'Walks the dog again; asks about the next appointment.' END,
       documented_late, responder, waning,
       CASE WHEN NOT waning THEN '{}'::text[]
            WHEN modality = 'CRYONEUROLYSIS' THEN ARRAY['RELIEF_BELOW_50_PERCENT', 'PAIN_REDUCTION_BELOW_50_PERCENT',
                                                        'PAIN_UP_2_FROM_BEST', 'SENSATION_RETURNED_WITH_PAIN']
            ELSE ARRAY['RELIEF_BELOW_50_PERCENT', 'PAIN_REDUCTION_BELOW_50_PERCENT', 'PAIN_UP_2_FROM_BEST'] END,
       coalesce(assignee, 'coordinator1'), assessed_on + interval '10 hours' + make_interval(mins => floor(r * 420)::int)
FROM g_outcome;

-- 1.5 % of outcomes noticed a mild complication
INSERT INTO observed_adverse_event (id, visit_id, patient_id, procedure_id, type, description, severity, serious,
                                    onset_on, outcome, resolved_on, notes)
SELECT gen_random_uuid(), visit_id, patient_id, procedure_id,
       (ARRAY['BRUISING', 'SORENESS', 'SWELLING', 'TEMPORARY_NUMBNESS', 'SKIN_DISCOLORATION'])[floor(r * 1000)::int % 5 + 1],
       NULL, 'MILD', false, greatest(performed_on, assessed_on - 3), 'RESOLVED', assessed_on, NULL
FROM g_outcome WHERE r * 1000 - floor(r * 1000) < 0.015;

-- the plan's response so far, as the outcome package keeps it
UPDATE follow_up_plan p
SET responder_since = s.responder_since, best_pain_score = s.best_pain, relief_ended_on = s.relief_ended_on
FROM (SELECT plan_id, min(assessed_on) FILTER (WHERE responder) AS responder_since, min(pain) AS best_pain,
             min(assessed_on) FILTER (WHERE waning) AS relief_ended_on
      FROM g_outcome GROUP BY plan_id) s
WHERE p.id = s.plan_id;

-- expected end of relief for responders still relieved: the patient's own history for a repeat, else the clinic's
-- record of the modality (it holds enough treatments of the common targets), else, for the rarer targets of cryo and
-- RFA, the published range's midpoint (nerve blocks have no published range, so they never get that basis)
UPDATE follow_up_plan p
SET expected_relief_end = p.performed_on + least(e.latest_days, e.likely_days),
    expected_relief_earliest = p.performed_on + e.earliest_days,
    expected_relief_latest = p.performed_on + e.latest_days,
    expected_relief_basis = e.basis,
    expected_relief_sample = CASE e.basis WHEN 'OWN_HISTORY' THEN e.k WHEN 'CLINIC_RECORD' THEN e.clinic_sample END
FROM (SELECT r.*,
             CASE WHEN r.basis = 'PUBLISHED_RANGE' THEN (r.earliest_days + r.latest_days) / 2
                  ELSE r.median_days + r.k * 10 END AS likely_days
      FROM (SELECT g.plan_id, g.k,
                   CASE WHEN g.k > 0 THEN 'OWN_HISTORY'
                        WHEN g.variant = 1 AND g.modality <> 'NERVE_BLOCK' THEN 'PUBLISHED_RANGE'
                        ELSE 'CLINIC_RECORD' END AS basis,
                   CASE g.modality WHEN 'CRYONEUROLYSIS' THEN 270 WHEN 'RADIOFREQUENCY_ABLATION' THEN 195 ELSE 20 END AS median_days,
                   CASE g.modality WHEN 'NERVE_BLOCK' THEN 7 ELSE 90 END AS earliest_days,
                   CASE g.modality WHEN 'CRYONEUROLYSIS' THEN 360 WHEN 'RADIOFREQUENCY_ABLATION' THEN 270 ELSE 30 END AS latest_days,
                   CASE g.modality WHEN 'CRYONEUROLYSIS' THEN 412 WHEN 'RADIOFREQUENCY_ABLATION' THEN 287 ELSE 154 END AS clinic_sample
            FROM g_plan g) r) e
WHERE p.id = e.plan_id AND p.responder_since IS NOT NULL AND p.relief_ended_on IS NULL;

-- one repeat-treatment candidate per plan whose relief waned, at its first waning outcome
INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at, status, decided_by,
                              decided_at, decision_reason, repeat_procedure_id)
SELECT gen_random_uuid(), w.plan_id, w.patient_id, w.procedure_id, w.visit_id, w.waning_reasons, w.recorded_at,
       d.status,
       CASE WHEN d.status IN ('CONSULT_BOOKED', 'DISMISSED') THEN coalesce(w.recorded_by, 'coordinator1') END,
       CASE WHEN d.status IN ('CONSULT_BOOKED', 'DISMISSED') THEN w.recorded_at + interval '3 days'
            WHEN d.status = 'REPEATED' THEN n.performed_on + time '12:00' END,
       CASE WHEN d.status = 'DISMISSED' THEN 'Pain manageable with physiotherapy; patient prefers to wait.' END,
       CASE WHEN d.status = 'REPEATED' THEN n.procedure_id END
FROM (SELECT DISTINCT ON (o.plan_id) o.plan_id, o.patient_id, o.procedure_id, o.visit_id, fo.waning_reasons,
             fo.recorded_at, fo.recorded_by, o.r
      FROM g_outcome o JOIN follow_up_outcome fo USING (visit_id)
      WHERE o.waning ORDER BY o.plan_id, o.assessed_on) w
JOIN g_plan g ON g.plan_id = w.plan_id
LEFT JOIN g_plan n ON n.p = g.p AND n.k = g.k + 1
CROSS JOIN LATERAL (SELECT CASE WHEN n.plan_id IS NOT NULL THEN 'REPEATED'
                                WHEN w.recorded_at < :'today'::date - 60 AND w.r < 0.5 THEN 'CONSULT_BOOKED'
                                WHEN w.recorded_at < :'today'::date - 60 AND w.r < 0.7 THEN 'DISMISSED'
                                ELSE 'OPEN' END AS status) d;

-- misses in a row since the patient's last outcome; three make the patient lost to follow-up
UPDATE known_patient k
SET consecutive_misses = s.misses,
    lost_to_follow_up_since = CASE WHEN s.misses >= 3 THEN s.third_miss_on END
FROM (SELECT patient_id, count(*) AS misses, (array_agg(missed_on ORDER BY missed_on))[3] AS third_miss_on
      FROM follow_up_visit v
      WHERE state = 'MISSED'
        AND missed_on > coalesce((SELECT max(assessed_on) FROM follow_up_outcome o WHERE o.patient_id = v.patient_id),
                                 '-infinity'::date)
      GROUP BY patient_id) s
WHERE k.id = s.patient_id;

DROP TABLE IF EXISTS bench_dataset;
CREATE TABLE bench_dataset (
    generated_at timestamptz NOT NULL,
    seen_on      date        NOT NULL,
    script_sha   text        NOT NULL,
    patients     integer     NOT NULL,
    plans        integer     NOT NULL,
    visits       integer     NOT NULL,
    migrations   integer     NOT NULL   -- Flyway migrations applied when it was made
);
COMMENT ON TABLE bench_dataset IS 'bench/followups.sh: what bench/followups-data.sql generated (not the service''s)';
INSERT INTO bench_dataset
SELECT now(), :'today', :'script_sha', (SELECT count(*) FROM known_patient), (SELECT count(*) FROM follow_up_plan),
       (SELECT count(*) FROM follow_up_visit), (SELECT count(*) FROM flyway_schema_history WHERE success);
COMMIT;
