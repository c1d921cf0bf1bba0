package org.clinictracker.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** The first answers to requests sent with an idempotency key (table {@code idempotent_request}). */
public class IdempotentRequests {

    private final JdbcClient jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotentRequests(JdbcClient jdbc, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Makes a concurrent retry with the same key wait, until this transaction ends, for the first answer. */
    void lock(String username, String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("idempotency|" + username + "|" + key)
                .query().singleRow();
    }

    /** The answer stored for this user's key, unless it is older than the retention. */
    Optional<StoredAnswer> find(String username, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, content_type, location, etag, body FROM idempotent_request
                WHERE username = ? AND idempotency_key = ? AND created_at > ?""")
                .param(username).param(key).param(Timestamp.from(oldestKept()))
                .query((rs, row) -> new StoredAnswer(rs.getString("request_hash"), rs.getInt("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getString("etag"),
                        rs.getBytes("body")))
                .optional();
    }

    void save(String username, String key, String method, String path, StoredAnswer answer) {
        jdbc.sql("""
                INSERT INTO idempotent_request (username, idempotency_key, request_hash, method, path, status,
                    content_type, location, etag, body, created_at)
                VALUES (:username, :key, :hash, :method, :path, :status, :contentType, :location, :etag, :body, :at)
                ON CONFLICT (username, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
                    method = EXCLUDED.method, path = EXCLUDED.path, status = EXCLUDED.status,
                    content_type = EXCLUDED.content_type, location = EXCLUDED.location, etag = EXCLUDED.etag,
                    body = EXCLUDED.body, created_at = EXCLUDED.created_at""")
                .param("username", username).param("key", key).param("hash", answer.requestHash())
                .param("method", method).param("path", path).param("status", answer.status())
                .param("contentType", answer.contentType()).param("location", answer.location())
                .param("etag", answer.etag()).param("body", answer.body())
                .param("at", Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** Forgets keys older than the retention. */
    @Scheduled(fixedDelayString = "${clinic.idempotency.purge-interval:1h}")
    public int purge() {
        return jdbc.sql("DELETE FROM idempotent_request WHERE created_at <= ?").param(Timestamp.from(oldestKept()))
                .update();
    }

    private Instant oldestKept() {
        return Instant.now(clock).minus(properties.retention());
    }
}
