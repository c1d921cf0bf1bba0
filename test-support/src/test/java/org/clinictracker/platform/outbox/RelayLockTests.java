package org.clinictracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    private boolean granted(int id) {
        return outbox.jdbc.sql("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""")
                .param(RelayLock.NAMESPACE).param(id).query(Long.class).single() == 1;
    }
}
