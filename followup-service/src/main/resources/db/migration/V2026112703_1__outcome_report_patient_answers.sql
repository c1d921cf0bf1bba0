-- The outcome report, issue 12 and the last review's fixes (report/ReportedProcedures reads all of it):
--  * per plan, how many of its outcomes there are and how many the patient answered through a link
--    (follow_up_outcome.reported_by = 'PATIENT'): the report's share of visits answered by the patients;
--  * a window's figures each come from the window's latest outcome that records it: a later outcome with no
--    responder verdict (no pain score asked, say) no longer hides an earlier scored one;
--  * a window whose protocol visit was held outside it (rescheduled to day 130 for month 3) is "assessed outside
--    the window", not lost: the patient was followed up, only not within the window (m*_outside);
--  * the patient's opioid use at intake is frozen on the plan when it starts (follow_up_plan.opioid_mme_before),
--    as baseline_pain_score is, instead of read from today's chart.

ALTER TABLE follow_up_plan ADD COLUMN opioid_mme_before numeric CHECK (opioid_mme_before >= 0);
-- Existing plans: the chart's value now is the best there is (the chart kept no history of it).
UPDATE follow_up_plan p SET opioid_mme_before = k.opioid_mme_per_day
FROM known_patient k WHERE k.id = p.patient_id AND k.opioid_mme_per_day IS NOT NULL;

ALTER TABLE plan_report_facts
    ADD COLUMN outcomes         integer NOT NULL DEFAULT 0,
    ADD COLUMN patient_outcomes integer NOT NULL DEFAULT 0,
    ADD COLUMN m3_outside       boolean NOT NULL DEFAULT false,
    ADD COLUMN m6_outside       boolean NOT NULL DEFAULT false,
    ADD COLUMN m12_outside      boolean NOT NULL DEFAULT false;

-- The outcome of a protocol visit planned in a window is found through its visit: the facts now read
-- follow_up_visit.offset_days and kind, which never change once the visit has an outcome (only open or cancelled
-- visits are moved, PlanChanges), so the outcome triggers still cover every change of a fact.
CREATE OR REPLACE FUNCTION plan_report_facts_refresh(plans uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- One refresh of a plan at a time (see V2026112693_1).
    PERFORM 1 FROM plan_report_facts f WHERE f.plan_id = ANY (plans) ORDER BY f.plan_id FOR NO KEY UPDATE;

    WITH plan AS (
        SELECT p.id, p.patient_id, p.procedure_id, p.previous_procedure_id, p.performed_on, p.modality,
               p.protocol_version
        FROM follow_up_plan p
        WHERE p.id = ANY (plans)
    ),
    -- per window, each figure from the latest outcome (by day, then recording time) that records it
    latest AS (
        SELECT o.plan_id, w.month,
               (array_agg(o.responder ORDER BY o.assessed_on DESC, o.recorded_at DESC)
                    FILTER (WHERE o.responder IS NOT NULL))[1] AS responder,
               (array_agg(o.pain_score ORDER BY o.assessed_on DESC, o.recorded_at DESC)
                    FILTER (WHERE o.pain_score IS NOT NULL))[1] AS pain_score,
               (array_agg(o.opioid_mme_per_day ORDER BY o.assessed_on DESC, o.recorded_at DESC)
                    FILTER (WHERE o.opioid_mme_per_day IS NOT NULL))[1] AS opioid_mme_per_day
        FROM plan p
        JOIN follow_up_outcome o ON o.plan_id = p.id
        JOIN (VALUES (3), (6), (12)) AS w (month)
          ON o.assessed_on - p.performed_on BETWEEN 30 * w.month - 30 AND 30 * w.month + 30
        GROUP BY o.plan_id, w.month
    )
    INSERT INTO plan_report_facts AS f (plan_id, last_outcome_on, repeated_on, days_since_previous,
            patient_has_other_plans, outcomes, patient_outcomes,
            m3_outcome, m3_responder, m3_pain, m3_mme, m3_planned, m3_outside,
            m6_outcome, m6_responder, m6_pain, m6_mme, m6_planned, m6_outside,
            m12_outcome, m12_responder, m12_pain, m12_mme, m12_planned, m12_outside)
    SELECT p.id,
           c.last_outcome_on,
           (SELECT min(r.performed_on) FROM follow_up_plan r WHERE r.previous_procedure_id = p.procedure_id),
           p.performed_on - (SELECT prev.performed_on FROM follow_up_plan prev
                             WHERE prev.procedure_id = p.previous_procedure_id),
           EXISTS (SELECT 1 FROM follow_up_plan other WHERE other.patient_id = p.patient_id AND other.id <> p.id),
           c.outcomes, c.patient_outcomes,
           m3.plan_id IS NOT NULL, m3.responder, m3.pain_score, m3.opioid_mme_per_day,
           EXISTS (SELECT 1 FROM protocol_visit v WHERE v.modality = p.modality AND v.version = p.protocol_version
                   AND v.offset_days BETWEEN 60 AND 120),
           m3.plan_id IS NULL AND EXISTS (SELECT 1 FROM follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id
                   WHERE o.plan_id = p.id AND v.kind = 'PROTOCOL' AND v.offset_days BETWEEN 60 AND 120
                   AND o.assessed_on - p.performed_on NOT BETWEEN 60 AND 120),
           m6.plan_id IS NOT NULL, m6.responder, m6.pain_score, m6.opioid_mme_per_day,
           EXISTS (SELECT 1 FROM protocol_visit v WHERE v.modality = p.modality AND v.version = p.protocol_version
                   AND v.offset_days BETWEEN 150 AND 210),
           m6.plan_id IS NULL AND EXISTS (SELECT 1 FROM follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id
                   WHERE o.plan_id = p.id AND v.kind = 'PROTOCOL' AND v.offset_days BETWEEN 150 AND 210
                   AND o.assessed_on - p.performed_on NOT BETWEEN 150 AND 210),
           m12.plan_id IS NOT NULL, m12.responder, m12.pain_score, m12.opioid_mme_per_day,
           EXISTS (SELECT 1 FROM protocol_visit v WHERE v.modality = p.modality AND v.version = p.protocol_version
                   AND v.offset_days BETWEEN 330 AND 390),
           m12.plan_id IS NULL AND EXISTS (SELECT 1 FROM follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id
                   WHERE o.plan_id = p.id AND v.kind = 'PROTOCOL' AND v.offset_days BETWEEN 330 AND 390
                   AND o.assessed_on - p.performed_on NOT BETWEEN 330 AND 390)
    FROM plan p
    -- per plan through the outcomes' index (plan_id, assessed_on): a plan has ~10, and a refresh of every plan at
    -- once (a data load, this migration) stays linear whatever the planner guesses of freshly loaded tables
    CROSS JOIN LATERAL (
        SELECT max(o.assessed_on) AS last_outcome_on, count(*) AS outcomes,
               count(*) FILTER (WHERE o.reported_by = 'PATIENT') AS patient_outcomes
        FROM follow_up_outcome o WHERE o.plan_id = p.id
    ) c
    LEFT JOIN latest m3 ON m3.plan_id = p.id AND m3.month = 3
    LEFT JOIN latest m6 ON m6.plan_id = p.id AND m6.month = 6
    LEFT JOIN latest m12 ON m12.plan_id = p.id AND m12.month = 12
    ON CONFLICT (plan_id) DO UPDATE SET
        last_outcome_on = excluded.last_outcome_on, repeated_on = excluded.repeated_on,
        days_since_previous = excluded.days_since_previous, patient_has_other_plans = excluded.patient_has_other_plans,
        outcomes = excluded.outcomes, patient_outcomes = excluded.patient_outcomes,
        m3_outcome = excluded.m3_outcome, m3_responder = excluded.m3_responder, m3_pain = excluded.m3_pain,
        m3_mme = excluded.m3_mme, m3_planned = excluded.m3_planned, m3_outside = excluded.m3_outside,
        m6_outcome = excluded.m6_outcome, m6_responder = excluded.m6_responder, m6_pain = excluded.m6_pain,
        m6_mme = excluded.m6_mme, m6_planned = excluded.m6_planned, m6_outside = excluded.m6_outside,
        m12_outcome = excluded.m12_outcome, m12_responder = excluded.m12_responder, m12_pain = excluded.m12_pain,
        m12_mme = excluded.m12_mme, m12_planned = excluded.m12_planned, m12_outside = excluded.m12_outside
    WHERE (f.*) IS DISTINCT FROM (excluded.*);
END
$$;

-- Every plan there is, under the new rules.
SELECT plan_report_facts_refresh(ARRAY(SELECT id FROM follow_up_plan));
