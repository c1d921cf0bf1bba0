package org.clinictracker.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.clinictracker.testsupport.TestDatabaseInitializer;
import org.clinictracker.testsupport.TestInfrastructure;
import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform's tables (outbox, processed events...) on the real PostgreSQL, in a schema of their own
 * (dropped and migrated afresh with the platform's migrations), and relays over them built the way
 * {@code PlatformAutoConfiguration} builds them.
 */
public final class OutboxOnPostgres implements AutoCloseable {

    public final JdbcClient jdbc;
    private final HikariDataSource dataSource;
    private final PostgresDatabase postgres;
    private final TransactionTemplate transaction;

    public OutboxOnPostgres(String schema) {
        // patient-service's test database: any will do, the schema keeps these rows apart from its tests
        postgres = TestInfrastructure.postgres("patients_test" + TestDatabaseInitializer.checkoutSuffix());
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl() + "?currentSchema=" + schema);
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(6);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/platform").load().migrate();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Commits one event, as a service's transaction would through {@link EventOutbox}. */
    UUID append(String topic, UUID patientId, String payload) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at)
                VALUES (?, ?, ?, 'TestEvent', CAST(? AS json), ?)""")
                .param(eventId).param(topic).param(patientId.toString()).param(payload)
                .param(Timestamp.from(Instant.now())).update();
        return eventId;
    }

    OutboxRelay relay(String bootstrapServers, Map<String, Object> producerOverrides, int batchSize, int maxAttempts,
            MeterRegistry meters) {
        return relay(bootstrapServers, producerOverrides, batchSize, maxAttempts, meters, transaction, lock(),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** A relay whose transactions go through {@code transactions} (e.g. one that can lose the database). */
    OutboxRelay relay(String bootstrapServers, Map<String, Object> producerOverrides, int batchSize, int maxAttempts,
            MeterRegistry meters, TransactionTemplate transactions) {
        return relay(bootstrapServers, producerOverrides, batchSize, maxAttempts, meters, transactions, lock(),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** A relay whose lock the test holds (to drop it, as a killed process would) and whose lease it chooses. */
    OutboxRelay relay(String bootstrapServers, Map<String, Object> producerOverrides, int batchSize, int maxAttempts,
            MeterRegistry meters, RelayLock lock, Duration sendTimeout, Duration claimLease) {
        return relay(bootstrapServers, producerOverrides, batchSize, maxAttempts, meters, transaction, lock, sendTimeout,
                claimLease);
    }

    private OutboxRelay relay(String bootstrapServers, Map<String, Object> producerOverrides, int batchSize,
            int maxAttempts, MeterRegistry meters, TransactionTemplate transactions, RelayLock lock, Duration sendTimeout,
            Duration claimLease) {
        Map<String, Object> producer = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50));
        producer.putAll(producerOverrides);
        OutboxProperties properties = new OutboxProperties(Duration.ofMillis(20), batchSize, sendTimeout,
                Duration.ofMillis(200), Duration.ofDays(7), maxAttempts, claimLease);
        return new OutboxRelay(jdbc, transactions, RelayProducer.template(producer), properties, lock, Clock.systemUTC(),
                meters);
    }

    /** A relay's lock on a connection of its own, outside the pool, as {@code PlatformAutoConfiguration} opens it. */
    RelayLock lock() {
        return new RelayLock(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()));
    }

    /**
     * Ends the session holding a relay's lock without releasing it first: what PostgreSQL sees when the relay's
     * process is killed (its socket closes) or the database restarts.
     */
    void endSessionOf(int relayId) {
        jdbc.sql("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""")
                .param(RelayLock.NAMESPACE).param(relayId).query(Boolean.class).single();
    }

    long count(String where) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE " + where).query(Long.class).single();
    }

    Map<String, Object> row(UUID eventId) {
        return jdbc.sql("SELECT status, attempts, refusals, failed_at, claimed_until, claimed_by FROM outbox_event WHERE event_id = ?")
                .param(eventId).query().singleRow();
    }

    public TransactionTemplate transaction() {
        return transaction;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
