package org.clinictracker.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Says to every other relay that this one is alive: a session-level PostgreSQL advisory lock
 * {@code (}{@value #NAMESPACE}{@code , id)} held on a connection of its own for the relay's life. The relay
 * writes the id into its claims ({@code outbox_event.claimed_by}); when the process dies its socket closes,
 * PostgreSQL drops the lock at once, and the other relays (or the restarted one) treat its claims as free
 * instead of waiting for their lease.
 * <p>
 * The connection comes from {@code locks}, a plain (not pooled) data source, so the lock takes no
 * connection from the pool that serves requests. When the connection is found broken (PostgreSQL restarted,
 * network cut) a new one is opened with a <b>new</b> id: the claims written under the old id may belong to a
 * pass that will never mark them, and they become free at once rather than after the lease.
 */
public class RelayLock implements AutoCloseable {

    /** The first key of every relay's lock, so that it cannot meet another use of advisory locks. */
    public static final int NAMESPACE = 0x0C11_0B0C;

    private static final Logger log = LoggerFactory.getLogger(RelayLock.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource locks;
    private Connection connection;
    private int id;
    private boolean closed;

    public RelayLock(DataSource locks) {
        this.locks = locks;
    }

    /**
     * The id this relay claims under, its lock held (taken again on a new connection when the old one is
     * broken). Throws when PostgreSQL cannot be reached: the relay then claims nothing this pass.
     */
    public synchronized int heldId() {
        if (closed) {
            throw new IllegalStateException("The outbox relay is shutting down"); // a pass still running at shutdown
        }
        try {
            if (connection == null || !connection.isValid(VALIDATION_SECONDS)) {
                closeConnection();
                connection = locks.getConnection();
                id = lockFreeId(connection);
                log.info("Outbox relay claims as {} (advisory lock {}, {})", id, NAMESPACE, id);
            }
            return id;
        } catch (SQLException e) {
            closeConnection();
            throw new DataAccessResourceFailureException("Cannot hold the outbox relay's lock", e);
        }
    }

    /** A random positive id no other live relay on this database holds (try-lock, so a clash costs a retry). */
    private static int lockFreeId(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            for (int attempt = 0; attempt < 10; attempt++) {
                int candidate = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
                lock.setInt(1, NAMESPACE);
                lock.setInt(2, candidate);
                try (ResultSet locked = lock.executeQuery()) {
                    if (locked.next() && locked.getBoolean(1)) {
                        return candidate;
                    }
                }
            }
        }
        throw new SQLException("No free outbox relay id in 10 attempts");
    }

    /** Releases the lock: this relay's claims are free at once. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            // explicitly, as the session's end drops it only once the server process has exited
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, NAMESPACE);
                unlock.setInt(2, id);
                unlock.execute();
            } catch (SQLException e) {
                log.debug("Releasing the outbox relay's lock failed; closing its session drops it", e);
            }
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the outbox relay's lock connection failed", e);
        }
        connection = null;
    }
}
