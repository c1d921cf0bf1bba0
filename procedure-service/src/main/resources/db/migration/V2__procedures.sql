-- Procedures as logged and amended. The current record lives in procedure; every version, the
-- first included, is kept in procedure_version with its amendment reason, author and time.
CREATE TABLE procedure (
    id                     uuid          PRIMARY KEY,
    patient_id             uuid          NOT NULL,
    version                integer       NOT NULL,
    performed_at           timestamptz   NOT NULL,
    performed_by           varchar(100)  NOT NULL,
    modality               varchar(40)   NOT NULL,
    -- targets, device and the modality's parameters are read and written whole
    details                jsonb         NOT NULL,
    warnings               jsonb         NOT NULL DEFAULT '[]',
    treatment_number       integer       NOT NULL CHECK (treatment_number >= 1),
    previous_procedure_id  uuid          REFERENCES procedure (id),
    days_since_previous    integer,
    early_repeat           boolean       NOT NULL DEFAULT false,
    recorded_at            timestamptz   NOT NULL,
    recorded_by            varchar(100)  NOT NULL,
    amended_at             timestamptz,
    amended_by             varchar(100)
);
CREATE INDEX procedure_by_patient ON procedure (patient_id, performed_at DESC);
CREATE INDEX procedure_by_date ON procedure (performed_at DESC);
CREATE INDEX procedure_targets ON procedure USING gin ((details -> 'targets') jsonb_path_ops);

CREATE TABLE procedure_version (
    procedure_id      uuid          NOT NULL REFERENCES procedure (id),
    version           integer       NOT NULL,
    record            jsonb         NOT NULL,
    amendment_reason  varchar(1000),
    author            varchar(100)  NOT NULL,
    at                timestamptz   NOT NULL,
    PRIMARY KEY (procedure_id, version)
);

-- Complications (FHIR: complication). Each change of course is kept in adverse_event_version.
CREATE TABLE adverse_event (
    id            uuid          PRIMARY KEY,
    procedure_id  uuid          NOT NULL REFERENCES procedure (id),
    patient_id    uuid          NOT NULL,
    version       integer       NOT NULL,
    type          varchar(40)   NOT NULL,
    description   varchar(200),
    severity      varchar(10)   NOT NULL,
    serious       boolean       NOT NULL,
    onset_on      date          NOT NULL,
    outcome       varchar(30)   NOT NULL,
    resolved_on   date,
    notes         varchar(4000),
    reported_at   timestamptz   NOT NULL,
    reported_by   varchar(100)  NOT NULL,
    updated_at    timestamptz   NOT NULL,
    updated_by    varchar(100)  NOT NULL
);
CREATE INDEX adverse_event_by_procedure ON adverse_event (procedure_id);
CREATE INDEX adverse_event_serious ON adverse_event (procedure_id) WHERE serious;

CREATE TABLE adverse_event_version (
    adverse_event_id  uuid          NOT NULL REFERENCES adverse_event (id),
    version           integer       NOT NULL,
    record            jsonb         NOT NULL,
    author            varchar(100)  NOT NULL,
    at                timestamptz   NOT NULL,
    PRIMARY KEY (adverse_event_id, version)
);
