-- Answers to POSTs sent with an Idempotency-Key, kept per user so a retry gets the first answer
-- again instead of creating a second record. Rows older than clinic.idempotency.retention are purged.
CREATE TABLE idempotent_request (
    username         varchar(100)  NOT NULL,
    idempotency_key  varchar(255)  NOT NULL,
    request_hash     char(64)      NOT NULL,
    method           varchar(10)   NOT NULL,
    path             varchar(2000) NOT NULL,
    status           integer       NOT NULL,
    content_type     varchar(200),
    location         varchar(2000),
    etag             varchar(200),
    body             bytea         NOT NULL,
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (username, idempotency_key)
);
CREATE INDEX idempotent_request_by_age ON idempotent_request (created_at);
