-- The W3C traceparent of the request that wrote the event (null outside a trace): the relay sends it as a
-- Kafka header, so the consumers' log lines carry the same trace id as the gateway's and the producer's.
ALTER TABLE outbox_event ADD COLUMN trace_parent varchar(55);
