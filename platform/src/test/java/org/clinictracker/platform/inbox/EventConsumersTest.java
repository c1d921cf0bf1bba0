package org.clinictracker.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures wait for the database instead of parking a good event, and what a parked record says. */
class EventConsumersTest {

    @Test
    void an_unreachable_database_is_waited_for() {
        assertThat(EventConsumers.databaseUnreachable(listenerFailed(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new SQLTransientConnectionException("timed out")))))
                .isTrue();
        assertThat(EventConsumers.databaseUnreachable(listenerFailed(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))).isTrue();
        assertThat(EventConsumers.databaseUnreachable(listenerFailed(new TransactionSystemException(
                "Could not commit JDBC transaction", new SQLException("An I/O error occurred", "08006"))))).isTrue();
    }

    @Test
    void poison_and_other_failures_are_not() {
        assertThat(EventConsumers.databaseUnreachable(listenerFailed(new MalformedEvent("Not JSON")))).isFalse();
        assertThat(EventConsumers.databaseUnreachable(listenerFailed(
                new DataIntegrityViolationException("value too long", new SQLException("value too long", "22001")))))
                .isFalse();
    }

    @Test
    void a_parked_malformed_event_says_why_without_a_stack_trace() {
        Map<String, String> headers = deadLetterHeaders(listenerFailed(new MalformedEvent("PatientRegistered data.mrn is missing or blank")));

        assertThat(headers).containsOnlyKeys(KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                .containsEntry(KafkaHeaders.DLT_EXCEPTION_FQCN, MalformedEvent.class.getName())
                .containsEntry(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "PatientRegistered data.mrn is missing or blank");
    }

    @Test
    void any_other_failure_parks_with_its_class_only_as_its_message_may_quote_patient_data() {
        Map<String, String> headers = deadLetterHeaders(listenerFailed(new DataIntegrityViolationException(
                "duplicate key", new SQLException("Key (mrn)=(CT-000001-8) already exists", "23505"))));

        assertThat(headers).containsOnlyKeys(KafkaHeaders.DLT_EXCEPTION_FQCN)
                .containsEntry(KafkaHeaders.DLT_EXCEPTION_FQCN, SQLException.class.getName());
    }

    private static Map<String, String> deadLetterHeaders(Exception failure) {
        RecordHeaders headers = new RecordHeaders();
        new DeadLetterHeaders().create(headers, failure, false, defaultHeaderNames());
        Map<String, String> byName = new HashMap<>();
        headers.forEach(header -> byName.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        return byName;
    }

    private static HeaderNames defaultHeaderNames() {
        return HeaderNames.Builder.original().offsetHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                .timestampHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)
                .timestampTypeHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE)
                .topicHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).partitionHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                .consumerGroupHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                .exception().keyExceptionFqcn(KafkaHeaders.DLT_KEY_EXCEPTION_FQCN)
                .exceptionFqcn(KafkaHeaders.DLT_EXCEPTION_FQCN)
                .exceptionCauseFqcn(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                .keyExceptionMessage(KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)
                .exceptionMessage(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                .keyExceptionStacktrace(KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE)
                .exceptionStacktrace(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)
                .build();
    }

    private static ListenerExecutionFailedException listenerFailed(Exception cause) {
        return new ListenerExecutionFailedException("Listener method threw exception", cause);
    }
}
