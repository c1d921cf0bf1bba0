-- The patient's opioid use at intake (morphine milligram equivalents per day) from patient-service's
-- PatientRegistered/PatientUpdated: the outcome report compares it with the use at each follow-up window.
-- Null when the front desk did not ask, or the chart came from an event older than the field.
ALTER TABLE known_patient ADD COLUMN opioid_mme_per_day numeric CHECK (opioid_mme_per_day >= 0);
