-- Relays claim events with a lease (claimed_until) instead of holding row locks while Kafka answers, so
-- several instances can share one outbox without a connection waiting on the broker. An event Kafka keeps
-- refusing (refusals: failures that are the event's own, not an outage) ends FAILED after a bounded
-- number of attempts; the later events of its patient then wait behind it (see OutboxRelay).
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_status_check;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_status_check
    CHECK (status IN ('PENDING', 'PUBLISHED', 'FAILED'));
ALTER TABLE outbox_event ADD COLUMN claimed_until timestamptz;
ALTER TABLE outbox_event ADD COLUMN refusals integer NOT NULL DEFAULT 0;
ALTER TABLE outbox_event ADD COLUMN failed_at timestamptz;
-- "is an earlier event of this patient still unsent?", asked for every candidate of every claim
CREATE INDEX outbox_event_unsent_by_key ON outbox_event (message_key, seq) WHERE status <> 'PUBLISHED';
