package org.clinictracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.clinictracker.testsupport.TopicProbe;
import org.clinictracker.testsupport.UnpluggableLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay's promises on the real PostgreSQL and a real broker: per-patient commit order with two relays
 * on one outbox and across a broker lost mid-batch, a killed relay's claims taken over at once (a hung one's
 * after its lease), bounded retries of an event Kafka refuses, and no
 * give-up during an outage.
 */
class OutboxRelayTests {

    /**
     * The broker advertises the link as its address, so every connection a client makes after the first
     * (bootstrap) one goes through it too, and pulling it loses the broker for good, also mid-batch.
     */
    static final UnpluggableLink LINK_TO_KAFKA = UnpluggableLink.toBeConnected();
    static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 3);

    static {
        KAFKA.brokerProperty("advertised.listeners", "EXTERNAL://" + LINK_TO_KAFKA.address());
        KAFKA.adminTimeout(20);
        KAFKA.afterPropertiesSet();
        String[] hostAndPort = KAFKA.getBrokersAsString().split(",")[0].split(":");
        LINK_TO_KAFKA.forwardTo(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
        LINK_TO_KAFKA.plugIn();
    }

    private final OutboxOnPostgres outbox = new OutboxOnPostgres("outbox_relay_test");
    private final ScheduledExecutorService relayThreads = Executors.newScheduledThreadPool(2);
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final String topic = "relay-test-" + UUID.randomUUID();

    @BeforeEach
    void topicWithThreePartitions() {
        LINK_TO_KAFKA.plugIn(); // an earlier test may have left it pulled; the admin client goes through it too
        KAFKA.addTopics(new NewTopic(topic, 3, (short) 1));
    }

    @AfterEach
    void stopRelays() throws Exception {
        HoldAtSend.release();
        relayThreads.shutdownNow();
        relayThreads.awaitTermination(30, TimeUnit.SECONDS);
        for (OutboxRelay relay : relays) {
            relay.close();
        }
        outbox.close();
        UnplugAtSend.disarm();
    }

    @AfterAll
    static void stopKafka() {
        LINK_TO_KAFKA.close();
        KAFKA.destroy();
    }

    @Test
    void two_relays_on_one_outbox_deliver_each_patients_events_in_commit_order() {
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        // small batches, so the two relays keep meeting on the same patients
        running(relay(Map.of(), 7, 5, metersA));
        running(relay(Map.of(), 7, 5, metersB));

        // committed while both relays run: claims race with new commits of the same patients
        Map<UUID, List<String>> committed = commitInterleaved(25, 8);

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> outbox.count("status = 'PUBLISHED'") == 25 * 8);
        assertDeliveredInCommitOrder(committed, false);
        assertThat(metersA.get(OutboxRelay.PUBLISHED_METRIC).counter().count()).as("relay A sent some").isPositive();
        assertThat(metersB.get(OutboxRelay.PUBLISHED_METRIC).counter().count()).as("relay B sent some").isPositive();
        assertThat(metersA.get(OutboxRelay.DELAY_METRIC).timer().count()
                + metersB.get(OutboxRelay.DELAY_METRIC).timer().count()).as("commit-to-Kafka delays measured").isEqualTo(25 * 8);
    }

    @Test
    void a_broker_lost_in_the_middle_of_a_batch_lets_no_later_event_of_a_patient_overtake() {
        Map<UUID, List<String>> committed = commitInterleaved(30, 3);
        // round one (each patient's first event) goes through; the link is pulled 10 sends into round two
        UnplugAtSend.arm(30 + 10, LINK_TO_KAFKA::unplug);
        running(relay(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, UnplugAtSend.class.getName()), 200, 5,
                new SimpleMeterRegistry()));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.count("status = 'PENDING' AND attempts > 0 AND claimed_until IS NULL") > 0);
        assertThat(outbox.count("status = 'PUBLISHED'")).as("published before the broker was lost").isGreaterThanOrEqualTo(30);
        assertThat(outbox.count("status = 'FAILED' OR refusals > 0")).as("an outage is no event's fault").isZero();
        assertThat(outbox.jdbc.sql("""
                SELECT count(*) FROM outbox_event later WHERE later.status = 'PUBLISHED' AND EXISTS (
                    SELECT 1 FROM outbox_event earlier WHERE earlier.message_key = later.message_key
                      AND earlier.seq < later.seq AND earlier.status <> 'PUBLISHED')""").query(Long.class).single())
                .as("events published ahead of an earlier event of their patient").isZero();

        LINK_TO_KAFKA.plugIn();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> outbox.count("status = 'PUBLISHED'") == 30 * 3);
        // a send whose acknowledgement was lost with the link is sent again: a duplicate, never a reordering
        assertDeliveredInCommitOrder(committed, true);
    }

    @Test
    void a_database_lost_between_send_and_mark_leaves_no_event_waiting_for_its_lease_nor_sent_twice() {
        Map<UUID, List<String>> committed = commitInterleaved(5, 2);
        DatabaseLostOnce transactions = new DatabaseLostOnce(outbox.transaction());
        // Kafka takes the first event; by the time the pass records what it sent, the database has gone
        UnplugAtSend.arm(1, transactions::loseTheNext);
        OutboxRelay relay = outbox.relay(LINK_TO_KAFKA.address(),
                Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, UnplugAtSend.class.getName()), 200, 5,
                new SimpleMeterRegistry(), transactions);
        relays.add(relay);
        running(relay);

        // the events stay leased to the relay for 30 s (claim-lease): long before, its next pass has recorded them
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> outbox.count("status = 'PUBLISHED'") == 5 * 2);
        assertThat(transactions.lost).as("a transaction was lost").isTrue();
        assertThat(outbox.count("claimed_until IS NOT NULL")).as("leases left").isZero();
        assertDeliveredInCommitOrder(committed, false);
    }

    @Test
    void a_killed_relays_claims_are_taken_over_at_once_not_after_their_lease() {
        Map<UUID, List<String>> committed = commitInterleaved(3, 3);
        RelayLock killedLock = outbox.lock();
        HoldAtSend.arm();
        running(relay(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, HoldAtSend.class.getName()), 200, 5,
                new SimpleMeterRegistry(), killedLock, Duration.ofSeconds(30)));
        HoldAtSend.awaitHeld(); // it claimed every event and hangs in its first send
        int killedId = killedLock.heldId();
        assertThat(outbox.count("claimed_by = " + killedId + " AND claimed_until > now()")).isEqualTo(3 * 3);
        Instant leaseEnd = leaseEndOf(killedId);
        SimpleMeterRegistry survivor = new SimpleMeterRegistry();
        running(relay(Map.of(), 200, 5, survivor));

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger relayLog = (Logger) LoggerFactory.getLogger(OutboxRelay.class);
        relayLog.addAppender(logs);

        try {
            outbox.endSessionOf(killedId); // the process is killed: its socket closes, PostgreSQL drops its lock

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.count("status = 'PUBLISHED'") == 3 * 3);
        } finally {
            relayLog.detachAppender(logs);
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).as("the takeover is logged")
                .contains("Took over 9 events claimed by relay " + killedId
                        + ", whose lock is gone, before their lease ran out");
        assertThat(Instant.now()).as("taken over before the lease ran out").isBefore(leaseEnd);
        assertThat(survivor.get(OutboxRelay.PUBLISHED_METRIC).counter().count()).isEqualTo(3 * 3);
        assertDeliveredInCommitOrder(committed, false);
    }

    @Test
    void a_live_relays_claims_are_left_alone_until_their_lease_runs_out() {
        Map<UUID, List<String>> committed = commitInterleaved(3, 2);
        RelayLock hungLock = outbox.lock();
        HoldAtSend.arm();
        running(relay(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, HoldAtSend.class.getName()), 200, 5,
                new SimpleMeterRegistry(), hungLock, Duration.ofSeconds(4)));
        HoldAtSend.awaitHeld(); // alive, its lock held, but its send hangs
        Instant leaseEnd = leaseEndOf(hungLock.heldId());
        running(relay(Map.of(), 200, 5, new SimpleMeterRegistry()));

        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> outbox.count("status = 'PUBLISHED'") == 0);
        // the lease stays the upper bound for a relay that hangs: then the other one sends
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count("status = 'PUBLISHED'") == 3 * 2);
        assertThat(outbox.count("published_at < '" + leaseEnd + "'")).as("published within the lease").isZero();
        assertDeliveredInCommitOrder(committed, false);
    }

    @Test
    void an_event_kafka_keeps_refusing_fails_after_max_attempts_and_holds_back_only_its_own_patient() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        UUID refusedPatient = UUID.randomUUID();
        UUID otherPatient = UUID.randomUUID();
        UUID tooLarge = outbox.append(topic, refusedPatient, "{\"notes\":\"" + "x".repeat(4_000) + "\"}");
        UUID behindIt = outbox.append(topic, refusedPatient, "{\"n\":2}");
        UUID other = outbox.append(topic, otherPatient, "{\"n\":1}");
        running(relay(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_048), 50, 3, meters));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(outbox.row(tooLarge).get("status")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(outbox.row(other).get("status")));

        Map<String, Object> failed = outbox.row(tooLarge);
        assertThat(failed.get("refusals")).isEqualTo(3);
        assertThat(failed.get("attempts")).isEqualTo(3);
        assertThat(failed.get("failed_at")).isNotNull();
        assertThat(meters.get(OutboxRelay.FAILED_METRIC).counter().count()).isEqualTo(1.0);
        assertThat(meters.get(OutboxRelay.STUCK_METRIC).gauge().value()).isEqualTo(1.0);
        // the patient's next event waits behind the failed one instead of overtaking it
        assertThat(outbox.row(behindIt).get("status")).isEqualTo("PENDING");
        assertThat(outbox.row(behindIt).get("attempts")).isEqualTo(0);
        assertThat(meters.get(OutboxRelay.BACKLOG_METRIC).gauge().value()).isEqualTo(1.0);
        try (TopicProbe probe = TopicProbe.on(KAFKA.getBrokersAsString(), topic)) {
            assertThat(probe.allRecordsFor(otherPatient)).containsExactly("{\"n\":1}");
            assertThat(probe.allRecordsFor(refusedPatient)).isEmpty();
        }
    }

    @Test
    void an_unreachable_broker_is_retried_without_end_and_fails_no_event() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LINK_TO_KAFKA.unplug();
        UUID patient = UUID.randomUUID();
        UUID event = outbox.append(topic, patient, "{\"n\":1}");
        running(relay(Map.of(), 50, 2, meters));

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> (Integer) outbox.row(event).get("attempts") >= 4);
        assertThat(outbox.row(event)).containsEntry("status", "PENDING").containsEntry("refusals", 0);
        assertThat(meters.get(OutboxRelay.FAILED_METRIC).counter().count()).isZero();

        LINK_TO_KAFKA.plugIn();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(outbox.row(event).get("status")));
    }

    @Test
    void while_kafka_is_down_the_logs_name_the_event_but_carry_none_of_its_patient_data() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        UUID event;
        try {
            LINK_TO_KAFKA.unplug();
            event = outbox.append(topic, UUID.randomUUID(), """
                    {"displayName":"Núñez, María","birthDate":"1961-04-17","mrn":"CT-000001-8"}""");
            running(relay(Map.of(), 50, 5, new SimpleMeterRegistry()));
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> (Integer) outbox.row(event).get("attempts") >= 2);
        } finally {
            root.detachAppender(logs);
        }

        List<String> lines = logs.list.stream().map(OutboxRelayTests::rendered).toList();
        assertThat(lines).as("the failed send is logged, by event id").anyMatch(line -> line.contains(event.toString()));
        assertThat(lines).noneMatch(line -> line.contains("Núñez") || line.contains("1961-04-17") || line.contains("CT-000001-8"));
    }

    /** A log event as an appender would write it: message, exception and causes with their messages. */
    private static String rendered(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return event.getFormattedMessage() + (thrown == null ? "" : "\n" + ThrowableProxyUtil.asString(thrown));
    }

    /** When the last lease of a relay's claims runs out. */
    private Instant leaseEndOf(int relayId) {
        return outbox.jdbc.sql("SELECT max(claimed_until) FROM outbox_event WHERE claimed_by = ?").param(relayId)
                .query(Timestamp.class).single().toInstant();
    }

    /** {@code patients} patients, {@code each} events apiece, committed round-robin; their payloads per patient. */
    private Map<UUID, List<String>> commitInterleaved(int patients, int each) {
        Map<UUID, List<String>> committed = new LinkedHashMap<>();
        for (int i = 0; i < patients; i++) {
            committed.put(UUID.randomUUID(), new ArrayList<>());
        }
        for (int n = 1; n <= each; n++) {
            for (Map.Entry<UUID, List<String>> patient : committed.entrySet()) {
                String payload = "{\"n\":" + n + "}";
                outbox.append(topic, patient.getKey(), payload);
                patient.getValue().add(payload);
            }
        }
        return committed;
    }

    private void assertDeliveredInCommitOrder(Map<UUID, List<String>> committed, boolean duplicatesAllowed) {
        try (TopicProbe probe = TopicProbe.on(KAFKA.getBrokersAsString(), topic)) {
            committed.forEach((patient, payloads) -> {
                List<String> delivered = probe.allRecordsFor(patient);
                List<String> seen = duplicatesAllowed ? delivered.stream().distinct().toList() : delivered;
                assertThat(seen).as("events of patient %s as consumed", patient).containsExactlyElementsOf(payloads);
                if (duplicatesAllowed) {
                    // a copy may come again, but only right after itself, never after a later event
                    for (int i = 1; i < delivered.size(); i++) {
                        int previous = payloads.indexOf(delivered.get(i - 1));
                        assertThat(payloads.indexOf(delivered.get(i))).isIn(previous, previous + 1);
                    }
                }
            });
        }
    }

    private OutboxRelay relay(Map<String, Object> producerOverrides, int batchSize, int maxAttempts,
            SimpleMeterRegistry meters) {
        OutboxRelay relay = outbox.relay(LINK_TO_KAFKA.address(), producerOverrides, batchSize, maxAttempts, meters);
        relays.add(relay);
        return relay;
    }

    /** A relay with its own lock and lease; its send timeout is 1 s, so the lease may be as short as 2 s. */
    private OutboxRelay relay(Map<String, Object> producerOverrides, int batchSize, int maxAttempts,
            SimpleMeterRegistry meters, RelayLock lock, Duration claimLease) {
        OutboxRelay relay = outbox.relay(LINK_TO_KAFKA.address(), producerOverrides, batchSize, maxAttempts, meters, lock,
                Duration.ofSeconds(1), claimLease);
        relays.add(relay);
        return relay;
    }

    /** As Spring's scheduler runs it: one pass after another, a short pause between, an error logged and survived. */
    private void running(OutboxRelay relay) {
        relayThreads.scheduleWithFixedDelay(() -> {
            try {
                relay.relayPending();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(OutboxRelayTests.class).error("Relay pass failed", e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** The relay's transactions, the next of which fails as if PostgreSQL had gone away, once it is told so. */
    static final class DatabaseLostOnce extends TransactionTemplate {

        private volatile boolean loseNext;
        volatile boolean lost;

        DatabaseLostOnce(TransactionTemplate template) {
            super(template.getTransactionManager());
        }

        void loseTheNext() {
            loseNext = true;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            if (loseNext) {
                loseNext = false;
                lost = true;
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
            }
            return super.execute(action);
        }
    }

    /** A producer interceptor that only looks at sends (Kafka instantiates it by class name, hence public). */
    public abstract static class SendInterceptor implements ProducerInterceptor<String, String> {

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /** Hangs the relay's first send until the test ends: a relay stopped between its claim and its mark. */
    public static class HoldAtSend extends SendInterceptor {

        private static volatile CountDownLatch held = new CountDownLatch(1);
        private static volatile CountDownLatch released = new CountDownLatch(1);

        static void arm() {
            held = new CountDownLatch(1);
            released = new CountDownLatch(1);
        }

        static void awaitHeld() {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held.getCount() == 0);
        }

        static void release() {
            released.countDown();
        }

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            held.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return record;
        }
    }

    /** Pulls the link as the relay's producer is handed its n-th record: a broker lost in mid-batch. */
    public static class UnplugAtSend extends SendInterceptor {

        private static final AtomicInteger remaining = new AtomicInteger(-1);
        private static volatile Runnable action = () -> { };

        static void arm(int nthSend, Runnable unplug) {
            action = unplug;
            remaining.set(nthSend);
        }

        static void disarm() {
            remaining.set(-1);
        }

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            if (remaining.decrementAndGet() == 0) {
                action.run();
            }
            return record;
        }
    }
}
