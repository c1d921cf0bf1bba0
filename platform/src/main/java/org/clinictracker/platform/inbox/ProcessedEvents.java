package org.clinictracker.platform.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event ids a consumer has applied (table {@code processed_event}). A consumer claims the id in the
 * same transaction that applies the event, so a redelivered event changes nothing; ids are forgotten
 * after {@code clinic.inbox.retention}.
 */
public class ProcessedEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InboxProperties properties;

    public ProcessedEvents(JdbcClient jdbc, Clock clock, InboxProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Claims the event id; false if it was applied before. Concurrent duplicates wait on the key, then lose,
     * so the caller applies the event only when this answers true, in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId, String eventType) {
        boolean first = jdbc.sql("""
                INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""")
                .param(eventId).param(eventType).param(Timestamp.from(Instant.now(clock)))
                .update() == 1;
        if (first) {
            // id and type only, never the event's data; the line carries the producer's trace id (log pattern)
            log.info("Applying event {} ({})", eventId, eventType);
        }
        return first;
    }

    /** Forgets ids older than the retention, so the table stays small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void forgetOlderThanRetention() {
        int deleted = jdbc.sql("DELETE FROM processed_event WHERE processed_at < ?")
                .param(Timestamp.from(Instant.now(clock).minus(properties.retention()))).update();
        if (deleted > 0) {
            log.info("Forgot {} processed event ids older than {}", deleted, properties.retention());
        }
    }
}
