package org.clinictracker.procedures.patient;

import java.sql.SQLException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.inbox.DeadLetterHeaders;
import org.clinictracker.platform.outbox.RelayProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How patient events are consumed: String keys and values whatever else the service configures, and
 * an error handler of its own (a dedicated container factory, so another {@code CommonErrorHandler} bean
 * elsewhere in the service can neither replace it nor, being a second one, silently disable Boot's).
 * <ul>
 * <li>a malformed event goes straight to {@value #DEAD_LETTER_TOPIC}, and the next one is consumed;</li>
 * <li>while the database is unreachable the same event is retried, backing off up to 30 s, for as long as
 * it takes: a good event is never parked only because PostgreSQL was down;</li>
 * <li>any other failure is retried a few times, then parked.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PatientEventsConsumerConfig implements DisposableBean {

    static final String CONTAINER_FACTORY = "patientEventsContainerFactory";
    static final String DEAD_LETTER_TOPIC = Topics.PATIENTS + ".DLT";

    private final KafkaTemplate<String, String> deadLetterProducer;

    PatientEventsConsumerConfig(KafkaProperties kafka) {
        // the parked record keeps its exact bytes (String in, String out); a failed send logs no value
        this.deadLetterProducer = RelayProducer.template(kafka.buildProducerProperties());
    }

    /** Created at start-up where it is missing, for brokers that do not create topics on first use. */
    @Bean
    NewTopic patientEventsDeadLetterTopic() {
        return TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(1).build();
    }

    @Bean(CONTAINER_FACTORY)
    @SuppressWarnings({ "unchecked", "rawtypes" })
    ConcurrentKafkaListenerContainerFactory<String, String> patientEventsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka) {
        ConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(),
                new StringDeserializer(), new StringDeserializer());
        ConcurrentKafkaListenerContainerFactory factory = new ConcurrentKafkaListenerContainerFactory<>();
        // spring.kafka.listener.* still applies
        configurer.configure(factory, (ConsumerFactory) consumers);
        factory.setCommonErrorHandler(errorHandler());
        return factory;
    }

    private DefaultErrorHandler errorHandler() {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterProducer,
                (record, exception) -> new TopicPartition(DEAD_LETTER_TOPIC, -1)); // -1: any partition, by key
        deadLetters.setExceptionHeadersCreator(new DeadLetterHeaders()); // no stack trace, no quoted data
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(MalformedPatientEvent.class);
        handler.setBackOffFunction((record, exception) -> databaseUnreachable(exception) ? untilDatabaseIsBack() : null);
        handler.setRetryListeners(new FailureLog());
        return handler;
    }

    /**
     * The error handler logs nothing when it parks a record, so this does. Only positions, exception
     * classes and our own PHI-free messages: a database's message may quote the row it refused.
     */
    private static final class FailureLog implements RetryListener {

        private static final Logger log = LoggerFactory.getLogger(PatientEventsListener.class);

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int attempt) {
            if (!(rootCause(exception) instanceof MalformedPatientEvent)) {
                log.warn("Patient event {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(),
                        record.offset(), attempt, describe(exception));
            }
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
            log.error("Patient event {}-{}@{} parked on {}: {}", record.topic(), record.partition(), record.offset(),
                    DEAD_LETTER_TOPIC, describe(exception));
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error("Patient event {}-{}@{} could not be parked on {}, will try again: {}", record.topic(),
                    record.partition(), record.offset(), DEAD_LETTER_TOPIC, describe(failure));
        }

        private static String describe(Exception exception) {
            Throwable root = rootCause(exception);
            return root instanceof MalformedPatientEvent ? root.getMessage() : root.getClass().getName();
        }
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The database cannot be reached: waiting is the only cure, parking the event would lose it for nothing. */
    static boolean databaseUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException) {
                return true;
            }
            // 08: connection exception; 57P: server shut down or restarting (also seen when a commit fails)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    @Override
    public void destroy() throws Exception {
        if (deadLetterProducer.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }
}
