-- Transactional outbox: an event row commits with the change it describes and is relayed to Kafka
-- afterwards, until Kafka acknowledges it (status PUBLISHED).
CREATE TABLE outbox_event (
    seq           bigserial    PRIMARY KEY,
    event_id      uuid         NOT NULL UNIQUE,
    topic         varchar(100) NOT NULL,
    message_key   varchar(100) NOT NULL,
    event_type    varchar(100) NOT NULL,
    payload       json         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    status        varchar(20)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PUBLISHED')),
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    varchar(1000),
    published_at  timestamptz
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE status = 'PENDING';
