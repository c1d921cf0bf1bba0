-- A complication noticed at a follow-up visit comes back from procedure-service as AdverseEventReported with the
-- observation's id: kept so the timeline shows it once.
ALTER TABLE known_adverse_event ADD COLUMN observation_id uuid;
CREATE INDEX known_adverse_event_observation ON known_adverse_event (patient_id, observation_id)
    WHERE observation_id IS NOT NULL;
