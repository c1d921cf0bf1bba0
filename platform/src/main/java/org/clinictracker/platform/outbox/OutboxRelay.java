package org.clinictracker.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes committed events from the outbox to Kafka, oldest first, and marks each published only once
 * Kafka acknowledged it. If Kafka is down the rows simply stay pending and are sent when it is back:
 * delivery is at least once, consumers de-duplicate by event id. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances of a service never send the same row at once.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    private record PendingEvent(long seq, UUID eventId, String topic, String key, String type, String payload) {
    }

    @Scheduled(fixedDelayString = "${clinic.outbox.poll-interval:200ms}")
    public void relayPending() {
        if (Instant.now(clock).isBefore(pausedUntil)) {
            return;
        }
        Integer failures = transaction.execute(status -> sendBatch());
        if (failures != null && failures > 0) {
            pausedUntil = Instant.now(clock).plus(properties.retryBackoff());
        }
    }

    /** Sends one batch inside the claiming transaction; returns how many sends failed. */
    private int sendBatch() {
        List<PendingEvent> batch = jdbc.sql("""
                SELECT seq, event_id, topic, message_key, event_type, payload::text AS payload
                FROM outbox_event WHERE status = 'PENDING'
                ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(properties.batchSize())
                .query((rs, row) -> new PendingEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                        rs.getString("topic"), rs.getString("message_key"), rs.getString("event_type"),
                        rs.getString("payload")))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        // Sends are pipelined; if one cannot even start (no broker within max.block.ms) the rest of the
        // batch waits for the next pass instead of each blocking in turn.
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            CompletableFuture<SendResult<String, String>> send = send(event);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        int failures = 0;
        List<Long> published = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            PendingEvent event = batch.get(i);
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published.add(event.seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while relaying events", e);
            } catch (Exception e) {
                failures++;
                String reason = rootMessage(e);
                log.warn("Event {} ({}) not yet delivered to {}: {}", event.eventId(), event.type(), event.topic(), reason);
                jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")
                        .param(reason).param(event.seq()).update();
            }
        }
        if (!published.isEmpty()) {
            // One statement for the whole batch: the relay's share of the database's work stays small.
            jdbc.sql("""
                    UPDATE outbox_event SET status = 'PUBLISHED', published_at = :at, attempts = attempts + 1
                    WHERE seq IN (:seqs)""")
                    .param("at", Timestamp.from(Instant.now(clock))).param("seqs", published).update();
        }
        return failures;
    }

    private CompletableFuture<SendResult<String, String>> send(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            // Metadata could not be fetched within max.block.ms: the broker is unreachable.
            return CompletableFuture.failedFuture(e);
        }
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

    /** Called by Spring at shutdown: flushes and closes the relay's own producer. */
    public void close() throws Exception {
        if (kafka.getProducerFactory() instanceof DisposableBean producerFactory) {
            producerFactory.destroy();
        }
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
