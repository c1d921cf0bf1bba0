-- Complications noticed at a follow-up visit reach the record from followup-service's AdverseEventObserved.
-- source says who put a complication on the record: a proceduralist (with the case or later) or a follow-up
-- visit, which keeps its visit and the observation it came from. observation_id is unique, so an observation
-- is attached once whatever event id carries it (a re-published observation gets a new event id).
ALTER TABLE adverse_event
    ADD COLUMN source             varchar(20) NOT NULL DEFAULT 'PROCEDURALIST',
    ADD COLUMN follow_up_visit_id uuid,
    ADD COLUMN observation_id     uuid,
    ADD CONSTRAINT adverse_event_observation_once UNIQUE (observation_id),
    ADD CONSTRAINT adverse_event_source_known CHECK (
        (source = 'PROCEDURALIST' AND follow_up_visit_id IS NULL AND observation_id IS NULL)
        OR (source = 'FOLLOW_UP' AND follow_up_visit_id IS NOT NULL AND observation_id IS NOT NULL));
