-- The latest screening's verdict for each modality (PatientScreened.data.modalities, with any override),
-- as JSON read whole; NULL for a screening published before screenings followed the modality.
ALTER TABLE known_patient ADD COLUMN screening_modalities jsonb;

-- Consents on file (ConsentRecorded), one row per signed consent; a consent may arrive before the
-- registration it belongs to, so there is no foreign key.
CREATE TABLE known_consent (
    consent_id   uuid         PRIMARY KEY,
    patient_id   uuid         NOT NULL,
    modality     varchar(40)  NOT NULL,
    signed_on    date         NOT NULL,
    received_at  timestamptz  NOT NULL
);
CREATE INDEX known_consent_by_patient ON known_consent (patient_id, modality);
