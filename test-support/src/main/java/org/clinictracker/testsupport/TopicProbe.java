package org.clinictracker.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from the beginning, as a fresh consumer group would, so a test can wait for the
 * event it caused and count exactly how many copies of it arrived.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public static TopicProbe on(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Waits until a record keyed by {@code subject} satisfies {@code matching}, and returns its value. */
    public String awaitRecord(UUID subject, Predicate<String> matching, Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(
                () -> {
                    pollOnce();
                    return recordsFor(subject).stream().filter(matching).findFirst().orElse(null);
                },
                found -> found != null);
    }

    /** Like {@link #awaitRecord}, but the whole record, headers included. */
    public ConsumerRecord<String, String> awaitConsumerRecord(UUID subject, Predicate<String> matching, Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(
                () -> {
                    pollOnce();
                    return seen.stream().filter(record -> subject.toString().equals(record.key()))
                            .filter(record -> matching.test(record.value())).findFirst().orElse(null);
                },
                found -> found != null);
    }

    /** Every record keyed by {@code subject} up to the topic's current end. */
    public List<String> allRecordsFor(UUID subject) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            pollOnce();
            if (consumer.assignment().isEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return recordsFor(subject);
    }

    private void pollOnce() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    private List<String> recordsFor(UUID subject) {
        return seen.stream().filter(record -> subject.toString().equals(record.key())).map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
