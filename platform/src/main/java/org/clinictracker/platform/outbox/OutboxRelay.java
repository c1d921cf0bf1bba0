package org.clinictracker.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.clinictracker.platform.tracing.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Takes committed events from the outbox to Kafka and marks each published only once Kafka acknowledged
 * it. Delivery is at least once; consumers de-duplicate by event id.
 * <p>
 * <b>One patient's events stay in commit order</b> (they share the message key, hence the partition),
 * however many instances relay:
 * <ol>
 * <li><i>claim</i>, in a short transaction serialised between relays by an advisory lock: the oldest
 * pending events whose earlier events of the same key are all published, each leased for
 * {@code claim-lease}. A key whose head another relay holds, or whose head is FAILED, is skipped whole;</li>
 * <li><i>send</i>, with no transaction or connection held: the first claimed event of every key at once,
 * then the next event of each key whose previous one Kafka acknowledged, and so on. An event whose
 * predecessor failed is not sent, so nothing overtakes a failed send;</li>
 * <li><i>mark</i> the outcome in another short transaction and release the leases.</li>
 * </ol>
 * <b>A claim lives as long as its relay.</b> Each relay holds a PostgreSQL session lock ({@link RelayLock}) on a
 * connection of its own and writes its id into its claims ({@code claimed_by}). A claim holds while its lease
 * runs <i>and</i> that lock is granted: when a service is killed, PostgreSQL drops the lock with its connection
 * and the restarted relay, or another replica, takes the events over at its next poll. The lease stays the upper
 * bound for a relay that is alive but hangs. Taking over a claim whose relay is in fact still sending (its lock
 * connection broke, e.g. PostgreSQL restarted; it then claims under a new id) costs duplicates, never order:
 * a relay sends an event only after every earlier event of its key was published or acknowledged in its own
 * pass, whoever else sends the same events meanwhile.
 * <b>Failures.</b> A send lost to an unreachable broker is retried until Kafka is back (after
 * {@code retry-backoff}): an outage is not the event's fault, and giving events up during one would stop
 * every patient's events. A send Kafka refuses for the event itself (too large, not authorised, bad
 * topic) is retried {@code max-attempts} times, then the event is marked FAILED, counted in
 * {@value #FAILED_METRIC} and logged by id. The patient's later events then <b>wait behind it</b> rather
 * than overtake it: a consumer that saw a screening override without the screening before it, or an
 * update without the registration, would hold a replica that looks complete and is not. Other patients
 * go on. An operator fixes the cause and sets the event back to PENDING (README, "Events").
 */
public class OutboxRelay {

    static final String PUBLISHED_METRIC = "clinic.outbox.events.published";
    static final String FAILED_METRIC = "clinic.outbox.events.failed";
    static final String BACKLOG_METRIC = "clinic.outbox.backlog";
    static final String STUCK_METRIC = "clinic.outbox.failed";
    static final String DELAY_METRIC = "clinic.outbox.delay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final RelayLock lock;
    private final Clock clock;
    private final Counter publishedEvents;
    private final Counter failedEvents;
    private final Timer delay;
    private volatile Instant pausedUntil = Instant.MIN;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, RelayLock lock, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.lock = lock;
        this.clock = clock;
        this.publishedEvents = Counter.builder(PUBLISHED_METRIC).description("Outbox events Kafka acknowledged")
                .register(meters);
        this.failedEvents = Counter.builder(FAILED_METRIC)
                .description("Outbox events given up after Kafka refused them clinic.outbox.max-attempts times")
                .register(meters);
        this.delay = Timer.builder(DELAY_METRIC)
                .description("From an event's commit (occurredAt) to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder(BACKLOG_METRIC, this, relay -> relay.countWithStatus("PENDING"))
                .description("Outbox events waiting to be sent").register(meters);
        Gauge.builder(STUCK_METRIC, this, relay -> relay.countWithStatus("FAILED"))
                .description("Outbox events marked FAILED; their patients' later events wait behind them").register(meters);
    }

    /** {@code goneRelay}: the dead relay whose unexpired claim this one took over; null when the event was free. */
    private record PendingEvent(long seq, UUID eventId, String topic, String key, String type, String payload,
            Instant occurredAt, String traceParent, Integer goneRelay) {
    }

    /** What one pass did to each claimed event. */
    private static final class Outcome {
        final Instant leasedUntil;
        final List<Long> published = new ArrayList<>();
        final List<Instant> publishedOccurredAt = new ArrayList<>();
        final Map<PendingEvent, String> lost = new LinkedHashMap<>(); // broker unreachable: retry later
        final Map<PendingEvent, String> refused = new LinkedHashMap<>(); // Kafka refused the event itself
        final List<Long> unsent = new ArrayList<>(); // waited behind a failed one, or the pass ran out of time
        boolean recorded; // the mark's transaction committed

        Outcome(Instant leasedUntil) {
            this.leasedUntil = leasedUntil;
        }
    }

    /**
     * A pass's outcome the database did not take: it went away between the send and the mark. Recorded by the next
     * pass before it claims anything, while the events are still leased to this relay; without it they would wait
     * out their lease ({@code claim-lease}) and the published ones would go to Kafka a second time. Only the
     * scheduler's one thread touches it.
     */
    private Outcome unmarked;

    @Scheduled(fixedDelayString = "${clinic.outbox.poll-interval:200ms}")
    public void relayPending() {
        if (Instant.now(clock).isBefore(pausedUntil)) {
            return;
        }
        int relayId;
        try {
            relayId = lock.heldId();
        } catch (DataAccessResourceFailureException e) {
            // the database is away (restarting?): one line per backoff rather than a stack trace per poll
            pausedUntil = Instant.now(clock).plus(properties.retryBackoff());
            log.warn("Outbox relay cannot hold its lock, database unreachable? Next try in {}: {}",
                    properties.retryBackoff(), rootMessage(e));
            return;
        }
        if (unmarked != null) {
            Outcome left = unmarked;
            unmarked = null;
            // once the lease ran out another pass or relay may have claimed the events: they go out again
            if (Instant.now(clock).isBefore(left.leasedUntil)) {
                markOrKeep(left); // kept again while the database is still away
            }
        }
        int claimed;
        do {
            Instant claimedAt = Instant.now(clock);
            List<PendingEvent> batch = claim(relayId, claimedAt);
            claimed = batch.size();
            if (claimed == 0) {
                return;
            }
            Outcome outcome = send(batch, claimedAt.plus(properties.claimLease()));
            markOrKeep(outcome);
            if (!outcome.lost.isEmpty()) {
                pausedUntil = Instant.now(clock).plus(properties.retryBackoff());
                return;
            }
        } while (claimed == properties.batchSize()); // a full batch: more are probably waiting
    }

    /** Leases the next events that may go out now; see the class comment. */
    private List<PendingEvent> claim(int relayId, Instant now) {
        List<PendingEvent> claimed = transaction.execute(status -> {
            // Claims are serialised (for a few milliseconds each) so that two relays never both see a key's
            // head as free; the lock is the transaction's and ends with it, before anything is sent.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outbox_event claim'))")
                    .query((rs, row) -> row).list();
            // A claim holds while its lease runs and its relay's RelayLock is granted (a claim without a
            // claimer, from before claimed_by, holds for its lease).
            return jdbc.sql("""
                    WITH live_relay AS (
                        SELECT objid::bigint AS id FROM pg_locks
                        WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::bigint = :namespace
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
                    UPDATE outbox_event o SET claimed_until = :until, claimed_by = :relay
                    FROM (
                        SELECT e.seq, e.claimed_until > :now AS taken_over, e.claimed_by AS gone_relay
                        FROM outbox_event e
                        WHERE e.status = 'PENDING'
                          AND (e.claimed_until IS NULL OR e.claimed_until <= :now
                               OR e.claimed_by NOT IN (SELECT id FROM live_relay))
                          AND NOT EXISTS (
                              SELECT 1 FROM outbox_event b
                              WHERE b.message_key = e.message_key AND b.seq < e.seq AND b.status <> 'PUBLISHED'
                                AND (b.status = 'FAILED'
                                     OR b.claimed_until > :now
                                        AND (b.claimed_by IS NULL OR b.claimed_by IN (SELECT id FROM live_relay))))
                        ORDER BY e.seq LIMIT :batch) free
                    WHERE o.seq = free.seq
                    RETURNING o.seq, o.event_id, o.topic, o.message_key, o.event_type, o.payload::text AS payload,
                              o.occurred_at, o.trace_parent, free.taken_over, free.gone_relay""")
                    .param("namespace", RelayLock.NAMESPACE)
                    .param("relay", relayId)
                    .param("until", Timestamp.from(now.plus(properties.claimLease())))
                    .param("now", Timestamp.from(now))
                    .param("batch", properties.batchSize())
                    .query((rs, row) -> new PendingEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("event_type"),
                            rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("trace_parent"), rs.getBoolean("taken_over") ? rs.getInt("gone_relay") : null))
                    .list();
        });
        List<PendingEvent> takenOver = claimed.stream().filter(event -> event.goneRelay() != null).toList();
        if (!takenOver.isEmpty()) {
            // a relay died between claim and mark (a killed process, a lost connection): its events go out now
            log.info("Took over {} events claimed by relay {}, whose lock is gone, before their lease ran out",
                    takenOver.size(), takenOver.get(0).goneRelay());
        }
        List<PendingEvent> inOrder = new ArrayList<>(claimed);
        inOrder.sort(Comparator.comparingLong(PendingEvent::seq));
        return inOrder;
    }

    /** Sends in rounds, one event per key each: see the class comment. No transaction is open here. */
    private Outcome send(List<PendingEvent> batch, Instant leasedUntil) {
        Instant lastRoundStart = leasedUntil.minus(properties.sendTimeout());
        Map<String, Deque<PendingEvent>> byKey = new LinkedHashMap<>();
        batch.forEach(event -> byKey.computeIfAbsent(event.key(), key -> new ArrayDeque<>()).add(event));
        Outcome outcome = new Outcome(leasedUntil);
        List<Deque<PendingEvent>> keys = new ArrayList<>(byKey.values());
        while (!keys.isEmpty()) {
            List<Deque<PendingEvent>> next = sendRound(keys, outcome);
            if (!outcome.lost.isEmpty() || Instant.now(clock).isAfter(lastRoundStart)) {
                next.forEach(rest -> rest.forEach(event -> outcome.unsent.add(event.seq())));
                break;
            }
            keys = next;
        }
        return outcome;
    }

    /** Sends the head of every key; returns the keys whose head went out and that have more to send. */
    private List<Deque<PendingEvent>> sendRound(List<Deque<PendingEvent>> keys, Outcome outcome) {
        List<Deque<PendingEvent>> sentKeys = new ArrayList<>(keys.size());
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(keys.size());
        boolean noBroker = false;
        for (Deque<PendingEvent> key : keys) {
            if (noBroker) {
                // no broker within max.block.ms: the rest would each block as long, leave them for the next pass
                key.forEach(event -> outcome.unsent.add(event.seq()));
                continue;
            }
            CompletableFuture<SendResult<String, String>> send = send(key.peekFirst());
            sentKeys.add(key);
            sends.add(send);
            noBroker = send.isCompletedExceptionally() && !refusedByKafka(failure(send));
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<Deque<PendingEvent>> next = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Deque<PendingEvent> key = sentKeys.get(i);
            PendingEvent event = key.removeFirst();
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                outcome.published.add(event.seq());
                outcome.publishedOccurredAt.add(event.occurredAt());
                if (!key.isEmpty()) {
                    next.add(key);
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome.lost.put(event, "Interrupted");
            } catch (Exception e) {
                (refusedByKafka(e) ? outcome.refused : outcome.lost).put(event, rootMessage(e));
            }
            key.forEach(later -> outcome.unsent.add(later.seq())); // never overtake a failed send
        }
        return next;
    }

    private CompletableFuture<SendResult<String, String>> send(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        if (event.traceParent() != null) {
            // the trace of the request that wrote the event: the consumer's listener observation continues it
            record.headers().add(TraceParents.HEADER, event.traceParent().getBytes(StandardCharsets.US_ASCII));
        }
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void markOrKeep(Outcome outcome) {
        try {
            mark(outcome);
        } catch (RuntimeException e) {
            if (!outcome.recorded) { // a failure after the commit (logging, metrics) is no reason to mark again
                unmarked = outcome;
            }
            throw e;
        }
    }

    /** Records the pass's outcome in one short transaction and releases every lease it held. */
    private void mark(Outcome outcome) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<PendingEvent> givenUp = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            if (!outcome.published.isEmpty()) {
                // One statement for the whole batch: the relay's share of the database's work stays small.
                jdbc.sql("""
                        UPDATE outbox_event SET status = 'PUBLISHED', published_at = :at, attempts = attempts + 1,
                                                claimed_until = NULL
                        WHERE seq IN (:seqs)""")
                        .param("at", now).param("seqs", outcome.published).update();
            }
            outcome.lost.forEach((event, reason) -> jdbc.sql("""
                    UPDATE outbox_event SET attempts = attempts + 1, last_error = ?, claimed_until = NULL
                    WHERE seq = ?""").param(reason).param(event.seq()).update());
            outcome.refused.forEach((event, reason) -> {
                String result = jdbc.sql("""
                        UPDATE outbox_event SET attempts = attempts + 1, refusals = refusals + 1, last_error = ?,
                               claimed_until = NULL,
                               status = CASE WHEN refusals + 1 >= ? THEN 'FAILED' ELSE status END,
                               failed_at = CASE WHEN refusals + 1 >= ? THEN CAST(? AS timestamptz) END
                        WHERE seq = ? RETURNING status""")
                        .param(reason).param(properties.maxAttempts()).param(properties.maxAttempts()).param(now)
                        .param(event.seq()).query(String.class).single();
                if ("FAILED".equals(result)) {
                    givenUp.add(event);
                }
            });
            if (!outcome.unsent.isEmpty()) {
                jdbc.sql("UPDATE outbox_event SET claimed_until = NULL WHERE seq IN (:seqs)")
                        .param("seqs", outcome.unsent).update();
            }
        });
        outcome.recorded = true;
        if (!outcome.lost.isEmpty()) {
            PendingEvent first = outcome.lost.keySet().iterator().next();
            log.warn("{} events not yet delivered (Kafka unreachable?), e.g. {} ({}) to {}: {}", outcome.lost.size(),
                    first.eventId(), first.type(), first.topic(), outcome.lost.get(first));
        }
        outcome.refused.forEach((event, reason) -> log.warn("Kafka refused event {} ({}) for {}: {}",
                event.eventId(), event.type(), event.topic(), reason));
        givenUp.forEach(event -> log.error("Event {} ({}) marked FAILED after {} refusals; later events with its key"
                + " wait until it is fixed and set back to PENDING", event.eventId(), event.type(),
                properties.maxAttempts()));
        publishedEvents.increment(outcome.published.size());
        // in milliseconds: TimeUnit saturates where Duration's nanoseconds overflow (an event dated centuries back in a test)
        outcome.publishedOccurredAt.forEach(occurredAt -> delay.record(
                Duration.between(occurredAt, now.toInstant()).toMillis(), TimeUnit.MILLISECONDS));
        failedEvents.increment(givenUp.size());
    }

    /** Published events are kept a while for inspection, then dropped so the table stays small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void deletePublishedOlderThanRetention() {
        int deleted = jdbc.sql("DELETE FROM outbox_event WHERE status = 'PUBLISHED' AND published_at < ?")
                .param(Timestamp.from(Instant.now(clock).minus(properties.retention()))).update();
        if (deleted > 0) {
            log.info("Deleted {} published outbox events older than {}", deleted, properties.retention());
        }
    }

    /**
     * Called by Spring at shutdown: flushes and closes the relay's own producer, then releases its lock, so
     * another replica takes over whatever it still held at once.
     */
    public void close() throws Exception {
        try {
            if (kafka.getProducerFactory() instanceof DisposableBean producerFactory) {
                producerFactory.destroy();
            }
        } finally {
            lock.close();
        }
    }

    private double countWithStatus(String status) {
        try {
            Long count = jdbc.sql("SELECT count(*) FROM outbox_event WHERE status = ?").param(status)
                    .query(Long.class).single();
            return count;
        } catch (RuntimeException e) {
            return Double.NaN; // database unreachable: no reading rather than a wrong one
        }
    }

    private static Throwable failure(CompletableFuture<?> failed) {
        return failed.handle((result, e) -> e).join();
    }

    /**
     * True when Kafka refused the event itself (a non-retriable API error: too large, not authorised,
     * invalid topic; or it could not be serialised), false when the broker could not be reached or timed
     * out, which says nothing about the event.
     */
    static boolean refusedByKafka(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            if (cause instanceof ApiException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
