-- What procedure-service knows about patients: a replica fed by clinic.patients.v1 (patient-service owns
-- the charts). Only what recording a procedure needs; no contact details, insurance or notes.
-- Events may arrive out of order, so a row can start with its screening only; it counts as a known
-- patient once demographics (mrn) have arrived.
CREATE TABLE known_patient (
    id                          uuid         PRIMARY KEY,
    mrn                         varchar(40),
    display_name                varchar(250),
    birth_date                  date,
    sex                         varchar(20),
    -- the chart version of PatientRegistered/PatientUpdated: a lower one arriving late changes nothing
    demographics_version        integer,
    screening_id                uuid,
    screening_result            varchar(20),
    screening_reason_codes      jsonb,
    override_result             varchar(20),
    effective_screening_result  varchar(20),
    screened_at                 timestamptz,
    -- when patient-service published the screening event: orders overrides of the same screening
    screening_event_at          timestamptz,
    updated_at                  timestamptz  NOT NULL,
    CHECK ((mrn IS NULL) = (demographics_version IS NULL)),
    CHECK ((screening_id IS NULL) = (effective_screening_result IS NULL))
);

-- Every event id this service has applied (or deliberately skipped): Kafka delivers at least once,
-- this makes the effect exactly once.
CREATE TABLE processed_event (
    event_id      uuid          PRIMARY KEY,
    event_type    varchar(100)  NOT NULL,
    processed_at  timestamptz   NOT NULL
);
