package org.clinictracker.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * The producers the platform sends with (the outbox relay, the dead-letter publisher): String keys and
 * values whatever the service's serializers are, idempotent with acks=all and at most 5 requests in
 * flight (so Kafka keeps one partition's records in send order even across retries), bounded waits so a
 * dead broker fails a send instead of hanging, and no failure log of the record: a value is a
 * patient's event (name, birth date, MRN).
 */
public final class RelayProducer {

    private RelayProducer() {
    }

    /** A template over {@code producerProperties} (usually {@code KafkaProperties.buildProducerProperties()}). */
    public static KafkaTemplate<String, String> template(Map<String, Object> producerProperties) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.merge(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                (configured, most) -> Math.min(Integer.parseInt(configured.toString()), 5));
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        KafkaTemplate<String, String> template = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
        template.setProducerListener(SILENT);
        return template;
    }

    /**
     * Replaces Spring Kafka's default {@code LoggingProducerListener}, which logs every failed send at
     * ERROR with its value (while Kafka is down: every event, whole). The callers log what failed by
     * event id or record position.
     */
    private static final ProducerListener<String, String> SILENT = new ProducerListener<>() {
    };
}
