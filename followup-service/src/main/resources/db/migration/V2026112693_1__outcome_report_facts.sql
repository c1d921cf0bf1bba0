-- The outcome report's read model: per plan, what its outcomes and neighbours say at months 3, 6 and 12 (the
-- report's windows, ReportWindow: month m is days [30m - 30, 30m + 30] after the procedure), so the report
-- aggregates one small row per plan instead of ~4 outcomes per plan.
--
-- Kept true by the database itself: triggers on follow_up_outcome and follow_up_plan recompute the facts of every
-- plan a statement touched from that plan's rows (a plan has at most ~10 outcomes), so no write path of the
-- service, present or future, can forget them. They are statement triggers over the transition tables: one
-- set-based refresh per statement, also when a data load inserts 400,000 outcomes at once.
-- follow_up_visit has no trigger: no fact reads a visit (an outcome carries its plan and day; the windows a
-- protocol plans a visit in come from the plan's protocol version, which is never edited, see V1). A visit missed
-- changes no fact: the report counts a procedure lost when a planned window is over without an outcome.

CREATE TABLE plan_report_facts (
    plan_id             uuid PRIMARY KEY REFERENCES follow_up_plan (id) ON DELETE CASCADE,
    -- the day of the plan's latest outcome, in a window or not (relief still lasting there is censored)
    last_outcome_on     date,
    -- the day of the first procedure that repeated this one (its follow-up moved there)
    repeated_on         date,
    -- for a repeat treatment: days since the procedure it repeated (null when that one's plan is unknown)
    days_since_previous integer,
    -- the patient has other plans: only then can the patient count twice in a group (the report counts the
    -- patients of a group by adding up those with one plan, and counts the others one by one)
    patient_has_other_plans boolean NOT NULL,
    -- per window: an outcome assessed in it; the latest one's responder verdict, pain score and opioid use
    -- (latest: by day, then recording time); whether the plan's protocol schedules a visit in it
    m3_outcome          boolean NOT NULL,
    m3_responder        boolean,
    m3_pain             integer,
    m3_mme              numeric,
    m3_planned          boolean NOT NULL,
    m6_outcome          boolean NOT NULL,
    m6_responder        boolean,
    m6_pain             integer,
    m6_mme              numeric,
    m6_planned          boolean NOT NULL,
    m12_outcome         boolean NOT NULL,
    m12_responder       boolean,
    m12_pain            integer,
    m12_mme             numeric,
    m12_planned         boolean NOT NULL
);

-- Recomputes the facts of these plans from their rows (a plan no longer there has lost its facts by cascade).
CREATE FUNCTION plan_report_facts_refresh(plans uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- One refresh of a plan at a time: two transactions recording outcomes of one plan at once would each see
    -- only its own. The second waits here for the first to commit; the next statement's snapshot (read
    -- committed) then sees both outcomes.
    PERFORM 1 FROM plan_report_facts f WHERE f.plan_id = ANY (plans) ORDER BY f.plan_id FOR NO KEY UPDATE;

    WITH plan AS (
        SELECT p.id, p.patient_id, p.procedure_id, p.previous_procedure_id, p.performed_on, p.modality,
               p.protocol_version
        FROM follow_up_plan p
        WHERE p.id = ANY (plans)
    ),
    latest AS ( -- the outcome that counts in each window: the latest assessed, then the latest recorded
        SELECT DISTINCT ON (o.plan_id, w.month) o.plan_id, w.month, o.responder, o.pain_score, o.opioid_mme_per_day
        FROM plan p
        JOIN follow_up_outcome o ON o.plan_id = p.id
        JOIN (VALUES (3), (6), (12)) AS w (month)
          ON o.assessed_on - p.performed_on BETWEEN 30 * w.month - 30 AND 30 * w.month + 30
        ORDER BY o.plan_id, w.month, o.assessed_on DESC, o.recorded_at DESC, o.responder DESC NULLS FIRST,
                 o.pain_score DESC NULLS FIRST, o.opioid_mme_per_day DESC NULLS FIRST
    )
    INSERT INTO plan_report_facts AS f (plan_id, last_outcome_on, repeated_on, days_since_previous,
            patient_has_other_plans,
            m3_outcome, m3_responder, m3_pain, m3_mme, m3_planned,
            m6_outcome, m6_responder, m6_pain, m6_mme, m6_planned,
            m12_outcome, m12_responder, m12_pain, m12_mme, m12_planned)
    SELECT p.id,
           (SELECT max(o.assessed_on) FROM follow_up_outcome o WHERE o.plan_id = p.id),
           (SELECT min(r.performed_on) FROM follow_up_plan r WHERE r.previous_procedure_id = p.procedure_id),
           p.performed_on - (SELECT prev.performed_on FROM follow_up_plan prev
                             WHERE prev.procedure_id = p.previous_procedure_id),
           EXISTS (SELECT 1 FROM follow_up_plan other WHERE other.patient_id = p.patient_id AND other.id <> p.id),
           m3.plan_id IS NOT NULL, m3.responder, m3.pain_score, m3.opioid_mme_per_day,
           EXISTS (SELECT 1 FROM protocol_visit v WHERE v.modality = p.modality AND v.version = p.protocol_version
                   AND v.offset_days BETWEEN 60 AND 120),
           m6.plan_id IS NOT NULL, m6.responder, m6.pain_score, m6.opioid_mme_per_day,
           EXISTS (SELECT 1 FROM protocol_visit v WHERE v.modality = p.modality AND v.version = p.protocol_version
                   AND v.offset_days BETWEEN 150 AND 210),
           m12.plan_id IS NOT NULL, m12.responder, m12.pain_score, m12.opioid_mme_per_day,
           EXISTS (SELECT 1 FROM protocol_visit v WHERE v.modality = p.modality AND v.version = p.protocol_version
                   AND v.offset_days BETWEEN 330 AND 390)
    FROM plan p
    LEFT JOIN latest m3 ON m3.plan_id = p.id AND m3.month = 3
    LEFT JOIN latest m6 ON m6.plan_id = p.id AND m6.month = 6
    LEFT JOIN latest m12 ON m12.plan_id = p.id AND m12.month = 12
    ON CONFLICT (plan_id) DO UPDATE SET
        last_outcome_on = excluded.last_outcome_on, repeated_on = excluded.repeated_on,
        days_since_previous = excluded.days_since_previous, patient_has_other_plans = excluded.patient_has_other_plans,
        m3_outcome = excluded.m3_outcome, m3_responder = excluded.m3_responder, m3_pain = excluded.m3_pain,
        m3_mme = excluded.m3_mme, m3_planned = excluded.m3_planned,
        m6_outcome = excluded.m6_outcome, m6_responder = excluded.m6_responder, m6_pain = excluded.m6_pain,
        m6_mme = excluded.m6_mme, m6_planned = excluded.m6_planned,
        m12_outcome = excluded.m12_outcome, m12_responder = excluded.m12_responder, m12_pain = excluded.m12_pain,
        m12_mme = excluded.m12_mme, m12_planned = excluded.m12_planned
    WHERE (f.*) IS DISTINCT FROM (excluded.*);
END
$$;

-- Outcomes: the facts of each plan whose outcomes a statement added, changed or removed.
CREATE FUNCTION plan_report_facts_after_outcome_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_report_facts_refresh(ARRAY(SELECT DISTINCT plan_id FROM new_outcomes));
    RETURN NULL;
END
$$;

CREATE FUNCTION plan_report_facts_after_outcome_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_report_facts_refresh(ARRAY(SELECT plan_id FROM new_outcomes UNION SELECT plan_id FROM old_outcomes));
    RETURN NULL;
END
$$;

CREATE FUNCTION plan_report_facts_after_outcome_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_report_facts_refresh(ARRAY(SELECT DISTINCT plan_id FROM old_outcomes));
    RETURN NULL;
END
$$;

CREATE TRIGGER plan_report_facts_outcome_insert AFTER INSERT ON follow_up_outcome
    REFERENCING NEW TABLE AS new_outcomes FOR EACH STATEMENT EXECUTE FUNCTION plan_report_facts_after_outcome_insert();
CREATE TRIGGER plan_report_facts_outcome_update AFTER UPDATE ON follow_up_outcome
    REFERENCING OLD TABLE AS old_outcomes NEW TABLE AS new_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION plan_report_facts_after_outcome_update();
CREATE TRIGGER plan_report_facts_outcome_delete AFTER DELETE ON follow_up_outcome
    REFERENCING OLD TABLE AS old_outcomes FOR EACH STATEMENT EXECUTE FUNCTION plan_report_facts_after_outcome_delete();

-- Plans: a new plan, and a plan whose day, protocol or repeat link changed (an amended procedure moves its
-- windows); with each, the plan it repeats (its repeated_on), the plans repeating it (their days since it) and
-- the patient's other plans (whether the patient has more than one).
-- Responses and relief estimates, updated on every outcome, change no fact: skipped before any refresh.
CREATE FUNCTION plan_report_facts_after_plan_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_report_facts_refresh(ARRAY(
        SELECT n.id FROM new_plans n
        UNION SELECT prev.id FROM new_plans n JOIN follow_up_plan prev ON prev.procedure_id = n.previous_procedure_id
        UNION SELECT r.id FROM new_plans n JOIN follow_up_plan r ON r.previous_procedure_id = n.procedure_id
        UNION SELECT other.id FROM new_plans n JOIN follow_up_plan other ON other.patient_id = n.patient_id));
    RETURN NULL;
END
$$;

CREATE FUNCTION plan_report_facts_after_plan_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_report_facts_refresh(ARRAY(
        WITH changed AS (
            SELECT n.id, n.procedure_id, n.previous_procedure_id AS previous_now, o.previous_procedure_id AS previous_before,
                   n.patient_id AS patient_now, o.patient_id AS patient_before
            FROM new_plans n JOIN old_plans o ON o.id = n.id
            WHERE (n.performed_on, n.modality, n.protocol_version, n.procedure_id, n.previous_procedure_id, n.patient_id)
                  IS DISTINCT FROM
                  (o.performed_on, o.modality, o.protocol_version, o.procedure_id, o.previous_procedure_id, o.patient_id)
        )
        SELECT c.id FROM changed c
        UNION SELECT prev.id FROM changed c JOIN follow_up_plan prev
                                  ON prev.procedure_id IN (c.previous_now, c.previous_before)
        UNION SELECT r.id FROM changed c JOIN follow_up_plan r ON r.previous_procedure_id = c.procedure_id
        UNION SELECT other.id FROM changed c JOIN follow_up_plan other
                                   ON other.patient_id IN (c.patient_now, c.patient_before)));
    RETURN NULL;
END
$$;

CREATE FUNCTION plan_report_facts_after_plan_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_report_facts_refresh(ARRAY(
        SELECT prev.id FROM old_plans o JOIN follow_up_plan prev ON prev.procedure_id = o.previous_procedure_id
        UNION SELECT r.id FROM old_plans o JOIN follow_up_plan r ON r.previous_procedure_id = o.procedure_id
        UNION SELECT other.id FROM old_plans o JOIN follow_up_plan other ON other.patient_id = o.patient_id));
    RETURN NULL;
END
$$;

CREATE TRIGGER plan_report_facts_plan_insert AFTER INSERT ON follow_up_plan
    REFERENCING NEW TABLE AS new_plans FOR EACH STATEMENT EXECUTE FUNCTION plan_report_facts_after_plan_insert();
CREATE TRIGGER plan_report_facts_plan_update AFTER UPDATE ON follow_up_plan
    REFERENCING OLD TABLE AS old_plans NEW TABLE AS new_plans
    FOR EACH STATEMENT EXECUTE FUNCTION plan_report_facts_after_plan_update();
CREATE TRIGGER plan_report_facts_plan_delete AFTER DELETE ON follow_up_plan
    REFERENCING OLD TABLE AS old_plans FOR EACH STATEMENT EXECUTE FUNCTION plan_report_facts_after_plan_delete();

-- Every plan there is.
SELECT plan_report_facts_refresh(ARRAY(SELECT id FROM follow_up_plan));
