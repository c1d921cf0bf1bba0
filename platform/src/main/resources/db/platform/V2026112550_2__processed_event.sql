-- Every event id a consuming service has applied (or deliberately skipped): Kafka delivers at least once,
-- this makes the effect exactly once. Shared by every consumer through the platform's ProcessedEvents;
-- procedure-service created the same table in its own V1, hence IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS processed_event (
    event_id      uuid          PRIMARY KEY,
    event_type    varchar(100)  NOT NULL,
    processed_at  timestamptz   NOT NULL
);
-- ids are forgotten after clinic.inbox.retention
CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
