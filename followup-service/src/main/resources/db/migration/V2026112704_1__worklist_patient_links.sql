-- The worklist shows each visit's latest patient link and lists the patients' answers still to be reviewed
-- (WorklistRepository, issue 12).

-- A visit's links newest first: the worklist row's link is the first one (a withdrawn one too: a failed e-mail is
-- withdrawn, and the coordinator must see it failed), read for the page's rows only.
CREATE INDEX patient_link_visit_latest ON patient_link (visit_id, issued_at DESC, id DESC);

-- Outcomes the patient reported that no coordinator has reviewed yet, oldest answer first (view PATIENT_ANSWERED).
-- Few at any time: a review takes them out.
CREATE INDEX follow_up_outcome_patient_answers_to_review ON follow_up_outcome (recorded_at, visit_id)
    WHERE reported_by = 'PATIENT' AND reviewed_at IS NULL;
-- Staff outcomes are never reviewed (reviewed_at null), so "PATIENT and not reviewed" is far rarer than the two
-- conditions' shares multiplied: without these statistics the planner expects a hundredfold of the answers to review
-- and reads all of one coordinator's visits instead of the index above (seen on 1,000,000 visits: 290 ms for 3 ms).
CREATE STATISTICS follow_up_outcome_review_state (mcv) ON reported_by, reviewed_at FROM follow_up_outcome;
