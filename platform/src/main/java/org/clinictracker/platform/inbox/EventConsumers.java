package org.clinictracker.platform.inbox;

import java.sql.SQLException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clinictracker.platform.database.DatabaseOutage;
import org.clinictracker.platform.outbox.RelayProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * How every clinic service consumes another's events. A service declares, per topic it reads:
 * <pre>
 * &#64;Bean NewTopic deadLetters(EventConsumers consumers) { return consumers.deadLetterTopic(Topics.PATIENTS); }
 * &#64;Bean("patientEventsContainerFactory")
 * ConcurrentKafkaListenerContainerFactory&lt;String, String&gt; factory(EventConsumers consumers) {
 *     return consumers.containerFactory(Topics.PATIENTS);
 * }
 * </pre>
 * and applies each event in one transaction with {@link ProcessedEvents#firstDelivery}. The factory reads
 * String keys and values whatever else the service configures and has an error handler of its own (a
 * dedicated factory, so another {@code CommonErrorHandler} bean can neither replace it nor, being a second
 * one, silently disable Boot's):
 * <ul>
 * <li>a {@link MalformedEvent} goes straight to {@code <topic>.DLT}, and the next event is consumed;</li>
 * <li>while the database is unreachable the same event is retried, backing off up to
 * {@code clinic.inbox.database-backoff-max}, for as long as it takes: a good event is never parked only
 * because PostgreSQL was down;</li>
 * <li>any other failure is retried {@code clinic.inbox.retries} times, then parked.</li>
 * </ul>
 * Parked records keep their exact bytes; their headers say why without a stack trace or patient data
 * ({@link DeadLetterHeaders}), and nothing here logs a record's value.
 * <p>
 * Every listener is observed: it continues the trace whose {@code traceparent} header the outbox relay
 * sent, so the consumer's log lines carry the producer's trace id. The consumers' Kafka client metrics
 * (among them the lag, {@code kafka.consumer.fetch.manager.records.lag*}) are bound to the meter registry.
 */
public class EventConsumers implements DisposableBean {

    private final KafkaProperties kafka;
    private final ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> configurer;
    private final InboxProperties properties;
    private final KafkaTemplate<String, String> deadLetterProducer;
    private final ObjectProvider<MeterRegistry> meters;

    public EventConsumers(KafkaProperties kafka,
            ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> configurer, InboxProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.kafka = kafka;
        this.configurer = configurer;
        this.properties = properties;
        this.meters = meters;
        this.deadLetterProducer = RelayProducer.template(kafka.buildProducerProperties());
    }

    public static String deadLetterTopicName(String topic) {
        return topic + ".DLT";
    }

    /** The dead-letter topic, created at start-up where it is missing (for brokers that do not create topics on use). */
    public NewTopic deadLetterTopic(String topic) {
        return TopicBuilder.name(deadLetterTopicName(topic)).partitions(1).build();
    }

    /** A listener container factory for {@code topic}'s events; see the class comment. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public ConcurrentKafkaListenerContainerFactory<String, String> containerFactory(String topic) {
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(), new StringDeserializer());
        // Boot binds the metrics of its own consumer factory only, not of this one
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
        ConcurrentKafkaListenerContainerFactory factory = new ConcurrentKafkaListenerContainerFactory<>();
        // spring.kafka.listener.* still applies
        configurer.getObject().configure(factory, (ConsumerFactory) consumers);
        factory.getContainerProperties().setObservationEnabled(true);
        factory.setCommonErrorHandler(errorHandler(topic));
        return factory;
    }

    private DefaultErrorHandler errorHandler(String topic) {
        String deadLetterTopic = deadLetterTopicName(topic);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterProducer,
                (record, exception) -> new TopicPartition(deadLetterTopic, -1)); // -1: any partition, by key
        deadLetters.setExceptionHeadersCreator(new DeadLetterHeaders());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
        handler.addNotRetryableExceptions(MalformedEvent.class);
        handler.setBackOffFunction((record, exception) -> databaseUnreachable(exception) ? untilDatabaseIsBack() : null);
        handler.setRetryListeners(new FailureLog(deadLetterTopic));
        return handler;
    }

    private BackOff untilDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(properties.databaseBackoffMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /** The database cannot be reached: waiting is the only cure, parking the event would lose it for nothing. */
    static boolean databaseUnreachable(Throwable exception) {
        return DatabaseOutage.causedBy(exception);
    }

    @Override
    public void destroy() throws Exception {
        if (deadLetterProducer.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    /**
     * The error handler logs nothing when it parks a record, so this does. Only positions, exception
     * classes and our own PHI-free messages: a database's message may quote the row it refused.
     */
    private static final class FailureLog implements RetryListener {

        private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

        private final String deadLetterTopic;

        FailureLog(String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int attempt) {
            if (!(DeadLetterHeaders.rootCause(exception) instanceof MalformedEvent)) {
                log.warn("Event {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(),
                        record.offset(), attempt, describe(exception));
            }
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
            log.error("Event {}-{}@{} parked on {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, describe(exception));
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error("Event {}-{}@{} could not be parked on {}, will try again: {}", record.topic(),
                    record.partition(), record.offset(), deadLetterTopic, describe(failure));
        }

        private static String describe(Exception exception) {
            Throwable root = DeadLetterHeaders.rootCause(exception);
            return root instanceof MalformedEvent ? root.getMessage() : root.getClass().getName();
        }
    }
}
