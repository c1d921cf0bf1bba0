package org.clinictracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    @Test
    void a_broken_lock_connection_is_replaced_under_a_new_id_so_the_old_claims_are_free() {
        int before = lock.heldId();
        // what a PostgreSQL restart or a cut connection does to the lock's session
        outbox.jdbc.sql("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""")
                .param(RelayLock.NAMESPACE).param(before).query(Boolean.class).single();

        int after = lock.heldId();

        assertThat(after).isNotEqualTo(before);
        assertThat(granted(after)).isTrue();
        assertThat(granted(before)).isFalse();
    }

    private boolean granted(int id) {
        return outbox.jdbc.sql("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""")
                .param(RelayLock.NAMESPACE).param(id).query(Long.class).single() == 1;
    }
}
