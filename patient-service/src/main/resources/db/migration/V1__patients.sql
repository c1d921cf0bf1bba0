-- Charts opened at the front desk. Nested intake parts are JSON: they are read and written whole.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE patient_mrn_seq START 1;

CREATE TABLE patient (
    id                    uuid          PRIMARY KEY,
    mrn                   varchar(20)   NOT NULL UNIQUE,
    version               integer       NOT NULL,
    given_name            varchar(100)  NOT NULL,
    family_name           varchar(100)  NOT NULL,
    -- normalised, sorted name words: two charts with the same key and birth date are probably one person
    duplicate_key         varchar(210)  NOT NULL,
    -- normalised name words with a leading space, for "word starts with" search
    name_words            varchar(210)  NOT NULL,
    birth_date            date          NOT NULL,
    sex                   varchar(10)   NOT NULL,
    phone                 varchar(40),
    email                 varchar(254),
    address               jsonb,
    preferred_language    varchar(35),
    emergency_contact     jsonb,
    insurance             jsonb,
    referring_clinician   varchar(200),
    indication_code       varchar(40),
    indication_text       varchar(500),
    pain_location         varchar(200),
    laterality            varchar(10),
    pain_duration_months  integer,
    baseline_pain_score   smallint      CHECK (baseline_pain_score BETWEEN 0 AND 10),
    opioid_mme_per_day    numeric(7, 2) CHECK (opioid_mme_per_day >= 0),
    anticoagulated        boolean,
    current_therapies     jsonb         NOT NULL DEFAULT '[]',
    registered_at         timestamptz   NOT NULL,
    registered_by         varchar(100)  NOT NULL,
    updated_at            timestamptz   NOT NULL,
    updated_by            varchar(100)  NOT NULL
);
CREATE INDEX patient_duplicate_key ON patient (duplicate_key, birth_date);
CREATE INDEX patient_birth_date ON patient (birth_date);
CREATE INDEX patient_name_words ON patient USING gin (name_words gin_trgm_ops);

CREATE TABLE screening (
    id            uuid         PRIMARY KEY,
    patient_id    uuid         NOT NULL REFERENCES patient (id),
    answers       jsonb        NOT NULL,
    result        varchar(20)  NOT NULL,
    reason_codes  jsonb        NOT NULL,
    unanswered    jsonb        NOT NULL,
    screened_at   timestamptz  NOT NULL,
    screened_by   varchar(100) NOT NULL
);
CREATE INDEX screening_by_patient ON screening (patient_id, screened_at DESC);

CREATE TABLE screening_override (
    id             uuid          PRIMARY KEY,
    screening_id   uuid          NOT NULL REFERENCES screening (id),
    result         varchar(20)   NOT NULL,
    reason         varchar(2000) NOT NULL,
    overridden_by  varchar(100)  NOT NULL,
    overridden_at  timestamptz   NOT NULL
);
CREATE INDEX screening_override_by_screening ON screening_override (screening_id);

CREATE TABLE consent (
    id            uuid         PRIMARY KEY,
    patient_id    uuid         NOT NULL REFERENCES patient (id),
    procedure     varchar(40)  NOT NULL,
    signed_on     date         NOT NULL,
    witness       varchar(200) NOT NULL,
    form_version  varchar(60),
    recorded_by   varchar(100) NOT NULL,
    recorded_at   timestamptz  NOT NULL
);
CREATE INDEX consent_by_patient ON consent (patient_id, signed_on DESC);
