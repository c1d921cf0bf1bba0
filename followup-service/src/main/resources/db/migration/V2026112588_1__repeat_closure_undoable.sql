-- A repeat procedure closing a candidate or ending an earlier plan records what it did, so that an amendment
-- undoing the link can put back exactly that (and nothing a coordinator or another rule did).

-- The closure has its own fields: decided_by / decided_at / decision_reason stay the coordinator's.
ALTER TABLE repeat_candidate
    ADD COLUMN closed_at            timestamptz,
    ADD COLUMN status_before_repeat text CHECK (status_before_repeat IN ('OPEN', 'CONSULT_BOOKED'));

-- Candidates closed before this migration: decided_at held the closure time (and overwrote a coordinator's).
UPDATE repeat_candidate
SET closed_at = decided_at,
    status_before_repeat = CASE WHEN decided_by IS NULL THEN 'OPEN' ELSE 'CONSULT_BOOKED' END,
    decided_at = CASE WHEN decided_by IS NULL THEN NULL ELSE decided_at END
WHERE status = 'REPEATED';

-- The repeat that set the plan's end of relief, and the repeat that cancelled each visit.
ALTER TABLE follow_up_plan ADD COLUMN relief_ended_by_procedure_id uuid;
ALTER TABLE follow_up_visit ADD COLUMN cancelled_by_procedure_id uuid;
CREATE INDEX follow_up_plan_relief_ended_by ON follow_up_plan (relief_ended_by_procedure_id)
    WHERE relief_ended_by_procedure_id IS NOT NULL;
CREATE INDEX follow_up_visit_cancelled_by ON follow_up_visit (cancelled_by_procedure_id)
    WHERE cancelled_by_procedure_id IS NOT NULL;
