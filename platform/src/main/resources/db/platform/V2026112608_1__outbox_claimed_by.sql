-- Which relay holds a claim (its RelayLock id). A claim is free once its lease ran out or once that relay's
-- advisory lock is gone from pg_locks: a killed relay's events are taken over within one poll, not after
-- the lease. Claims without a claimer (written before this column) keep waiting for their lease.
ALTER TABLE outbox_event ADD COLUMN claimed_by integer;
