-- Who looked at or changed which patient's data. Rows are only ever inserted.
CREATE TABLE audit_entry (
    id          uuid         PRIMARY KEY,
    patient_id  uuid         NOT NULL,
    actor       varchar(100) NOT NULL,
    role        varchar(200) NOT NULL,
    action      varchar(60)  NOT NULL,
    resource    varchar(200),
    at          timestamptz  NOT NULL,
    request_id  varchar(64)
);
CREATE INDEX audit_entry_by_patient ON audit_entry (patient_id, at DESC);
