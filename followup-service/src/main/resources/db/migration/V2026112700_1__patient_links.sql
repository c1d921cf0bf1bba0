-- Patients answer a visit's questions themselves, through a single-use link (issue 12).

-- The patient's first name (the only thing the answer page shows of them) and e-mail address (where the link is
-- sent), from clinic.patients.v1. Null until an event carrying them arrives.
ALTER TABLE known_patient
    ADD COLUMN given_name text,
    ADD COLUMN email      text;

-- Who answered: the coordinator (STAFF, as before) or the patient through a link (PATIENT). A patient's answers
-- wait for a coordinator's review (reviewed_*), which may amend them (version counts the amendments).
-- pain_average, peg_enjoyment and peg_activity are the PEG scale's three items (Krebs et al. 2009; 0-10 each);
-- the PEG score itself, their mean, is stored as the function score with instrument PEG.
ALTER TABLE follow_up_outcome
    ADD COLUMN reported_by   text        NOT NULL DEFAULT 'STAFF' CHECK (reported_by IN ('STAFF', 'PATIENT')),
    ADD COLUMN pain_average  integer CHECK (pain_average BETWEEN 0 AND 10),
    ADD COLUMN peg_enjoyment integer CHECK (peg_enjoyment BETWEEN 0 AND 10),
    ADD COLUMN peg_activity  integer CHECK (peg_activity BETWEEN 0 AND 10),
    ADD COLUMN version       integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN reviewed_by   text,
    ADD COLUMN reviewed_at   timestamptz,
    DROP CONSTRAINT follow_up_outcome_function_instrument_check,
    ADD CONSTRAINT follow_up_outcome_function_instrument_check
        CHECK (function_instrument IN ('WOMAC', 'ODI', 'PROMIS_PHYSICAL_FUNCTION', 'PEG'));

-- A link sent (or handed over in the clinic) for one visit. Only the SHA-256 of its token is kept: the token itself
-- exists in the message and nowhere else, so a copy of this database opens no patient's page.
CREATE TABLE patient_link (
    id             uuid PRIMARY KEY,
    visit_id       uuid        NOT NULL REFERENCES follow_up_visit (id),
    patient_id     uuid        NOT NULL,
    token_hash     text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    delivery       text        NOT NULL CHECK (delivery IN ('EMAIL', 'IN_CLINIC')),
    -- a coordinator's username, or 'system' when the clinic has the links sent automatically
    issued_by      text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    sent_at        timestamptz,
    send_failed_at timestamptz,
    opened_at      timestamptz,
    answered_at    timestamptz,
    -- a newer link for the same visit replaced this one (a resend), or the visit was documented another way
    revoked_at     timestamptz,
    CHECK (expires_at > issued_at),
    CHECK (answered_at IS NULL OR revoked_at IS NULL)
);
-- At most one link per visit that can still be used or was used; replaced ones are kept for the audit.
CREATE UNIQUE INDEX patient_link_one_per_visit ON patient_link (visit_id) WHERE revoked_at IS NULL;
CREATE INDEX patient_link_patient ON patient_link (patient_id);
