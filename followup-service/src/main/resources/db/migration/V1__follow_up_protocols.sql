-- Follow-up protocols per modality (domain.md "Follow-up and repeat treatment"). A change never edits a
-- version: it adds the next one, so a plan can keep naming the version it was made from.
-- No patient is involved, so the audit trail (per patient) cannot hold these changes: the version row
-- records who made it and when.
CREATE TABLE protocol_version (
    modality   text        NOT NULL CHECK (modality IN ('CRYONEUROLYSIS', 'RADIOFREQUENCY_ABLATION', 'NERVE_BLOCK')),
    version    integer     NOT NULL CHECK (version >= 1),
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (modality, version)
);

CREATE TABLE protocol_visit (
    modality           text    NOT NULL,
    version            integer NOT NULL,
    position           integer NOT NULL CHECK (position >= 1),
    label              text    NOT NULL,
    offset_days        integer NOT NULL CHECK (offset_days >= 1),
    window_before_days integer NOT NULL CHECK (window_before_days >= 0),
    window_after_days  integer NOT NULL CHECK (window_after_days >= 0),
    PRIMARY KEY (modality, version, position),
    UNIQUE (modality, version, label),
    FOREIGN KEY (modality, version) REFERENCES protocol_version (modality, version)
);

-- domain.md's defaults: ±1 day for day 1/2 checks, ±3 days up to week 6, ±14 days for monthly visits (30-day months).
INSERT INTO protocol_version (modality, version, changed_by, changed_at) VALUES
    ('CRYONEUROLYSIS', 1, 'system', now()),
    ('RADIOFREQUENCY_ABLATION', 1, 'system', now()),
    ('NERVE_BLOCK', 1, 'system', now());

INSERT INTO protocol_visit (modality, version, position, label, offset_days, window_before_days, window_after_days) VALUES
    ('CRYONEUROLYSIS', 1, 1, 'DAY_2', 2, 1, 1),
    ('CRYONEUROLYSIS', 1, 2, 'WEEK_2', 14, 3, 3),
    ('CRYONEUROLYSIS', 1, 3, 'WEEK_6', 42, 3, 3),
    ('CRYONEUROLYSIS', 1, 4, 'MONTH_3', 90, 14, 14),
    ('CRYONEUROLYSIS', 1, 5, 'MONTH_6', 180, 14, 14),
    ('CRYONEUROLYSIS', 1, 6, 'MONTH_9', 270, 14, 14),
    ('CRYONEUROLYSIS', 1, 7, 'MONTH_12', 360, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 1, 1, 'WEEK_2', 14, 3, 3),
    ('RADIOFREQUENCY_ABLATION', 1, 2, 'MONTH_3', 90, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 1, 3, 'MONTH_6', 180, 14, 14),
    ('RADIOFREQUENCY_ABLATION', 1, 4, 'MONTH_9', 270, 14, 14),
    ('NERVE_BLOCK', 1, 1, 'DAY_1', 1, 1, 1),
    ('NERVE_BLOCK', 1, 2, 'WEEK_2', 14, 3, 3);
