package org.clinictracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The lock that tells other relays this one is alive, on the real PostgreSQL. */
class RelayLockTests {

    private final OutboxOnPostgres outbox = new OutboxOnPostgres("relay_lock_test");
    private final RelayLock lock = outbox.lock();

    @AfterEach
    void close() {
        lock.close();
        outbox.close();
    }

    @Test
    void a_relay_holds_its_lock_until_it_closes() {
        int id = lock.heldId();

        assertThat(lock.heldId()).as("the same id while the connection lives").isEqualTo(id);
        assertThat(granted(id)).isTrue();
        lock.close();
        assertThat(granted(id)).as("released at shutdown").isFalse();
        assertThatThrownBy(lock::heldId).as("a pass still running at shutdown takes no new lock")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_broken_lock_connection_is_replaced_under_a_new_id_so_the_old_claims_are_free() {
        int before = lock.heldId();
        outbox.endSessionOf(before); // as a PostgreSQL restart or a cut connection would
        // the server process of the terminated session releases its locks as it exits, a moment later
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !granted(before));

        int after = lock.heldId();

        assertThat(after).isNotEqualTo(before);
        assertThat(granted(after)).isTrue();
    }

    @Test
    void a_relay_that_cannot_reach_the_database_for_its_lock_skips_its_passes_with_one_warning_per_backoff() throws Exception {
        // nothing listens on port 1: connection refused at once, as while PostgreSQL restarts
        RelayLock unreachable = new RelayLock(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/clinic", "clinic", "clinic"));
        OutboxRelay relay = outbox.relay("127.0.0.1:1", Map.of(), 50, 5, new SimpleMeterRegistry(), unreachable,
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger relayLog = (Logger) LoggerFactory.getLogger(OutboxRelay.class);
        relayLog.addAppender(logs);
        try {
            relay.relayPending();
            relay.relayPending(); // within the backoff (200 ms): not tried again
        } finally {
            relayLog.detachAppender(logs);
            relay.close();
        }

        assertThat(logs.list).singleElement().satisfies(warning -> {
            assertThat(warning.getLevel()).isEqualTo(Level.WARN);
            assertThat(warning.getFormattedMessage()).contains("cannot hold its lock");
            assertThat(warning.getThrowableProxy()).isNull();
        });
    }

    private boolean granted(int id) {
        return outbox.jdbc.sql("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""")
                .param(RelayLock.NAMESPACE).param(id).query(Long.class).single() == 1;
    }
}
