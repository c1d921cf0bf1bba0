package org.clinictracker.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.clinictracker.platform.outbox.OutboxOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared processed_event table on the real PostgreSQL: each id applies once, and is forgotten after the retention. */
class ProcessedEventsTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final InboxProperties THIRTY_DAYS = new InboxProperties(Duration.ofDays(30), 3,
            Duration.ofMillis(500), Duration.ofSeconds(30));

    private final OutboxOnPostgres database = new OutboxOnPostgres("processed_events_test");

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void an_event_id_is_first_delivered_once() {
        ProcessedEvents processed = at(NOW);
        UUID eventId = UUID.randomUUID();

        assertThat(inTransaction(processed, eventId)).isTrue();
        assertThat(inTransaction(processed, eventId)).isFalse();
        assertThat(inTransaction(processed, UUID.randomUUID())).isTrue();
    }

    @Test
    void ids_older_than_the_retention_are_forgotten_and_younger_ones_kept() {
        UUID old = UUID.randomUUID();
        UUID justInside = UUID.randomUUID();
        inTransaction(at(NOW.minus(Duration.ofDays(30)).minusSeconds(1)), old);
        inTransaction(at(NOW.minus(Duration.ofDays(30)).plusSeconds(1)), justInside);

        at(NOW).forgetOlderThanRetention();

        assertThat(database.jdbc.sql("SELECT event_id FROM processed_event").query(UUID.class).list())
                .containsExactly(justInside);
    }

    private ProcessedEvents at(Instant instant) {
        return new ProcessedEvents(database.jdbc, Clock.fixed(instant, ZoneOffset.UTC), THIRTY_DAYS);
    }

    private boolean inTransaction(ProcessedEvents processed, UUID eventId) {
        return database.transaction().execute(status -> processed.firstDelivery(eventId, "PatientRegistered"));
    }
}
