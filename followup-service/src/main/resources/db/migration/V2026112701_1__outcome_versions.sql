-- A coordinator corrects an outcome by amendment (issue 12): each earlier version is kept here as it was, with who
-- amended it away, when and why. follow_up_outcome holds the current version (its version column counts them).
CREATE TABLE follow_up_outcome_version (
    visit_id           uuid        NOT NULL REFERENCES follow_up_outcome (visit_id),
    version            integer     NOT NULL CHECK (version >= 1),
    patient_id         uuid        NOT NULL,
    assessed_on        date        NOT NULL,
    pain_score         integer,
    relief_percent     integer,
    function_instrument text,
    function_value     numeric,
    opioid_mme_per_day numeric,
    satisfaction       integer,
    sensation_returned boolean,
    pain_average       integer,
    peg_enjoyment      integer,
    peg_activity       integer,
    notes              text,
    reported_by        text        NOT NULL,
    recorded_by        text        NOT NULL,
    recorded_at        timestamptz NOT NULL,
    reviewed_by        text,
    reviewed_at        timestamptz,
    amended_by         text        NOT NULL,
    amended_at         timestamptz NOT NULL,
    amendment_reason   text        NOT NULL,
    PRIMARY KEY (visit_id, version)
);
CREATE INDEX follow_up_outcome_version_patient ON follow_up_outcome_version (patient_id);
