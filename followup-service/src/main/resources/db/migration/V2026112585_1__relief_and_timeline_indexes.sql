-- Expected end of relief and the patient timeline (h5).

-- The clinic's record of relief: plans whose relief has ended, per modality (read on every outcome of a responder
-- with no history of their own; the plans still in relief, most of them, stay out of this index).
CREATE INDEX IF NOT EXISTS follow_up_plan_relief_ended ON follow_up_plan (modality) WHERE relief_ended_on IS NOT NULL;

-- A patient's timeline reads every table by patient: these three had no index that starts with it.
CREATE INDEX IF NOT EXISTS known_adverse_event_patient ON known_adverse_event (patient_id);
CREATE INDEX IF NOT EXISTS observed_adverse_event_patient ON observed_adverse_event (patient_id);
CREATE INDEX IF NOT EXISTS visit_reschedule_patient ON visit_reschedule (patient_id);
