package org.clinictracker.procedures.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures wait for the database instead of parking a good event. */
class PatientEventsConsumerConfigTest {

    @Test
    void anUnreachableDatabaseIsWaitedFor() {
        assertThat(PatientEventsConsumerConfig.databaseUnreachable(listenerFailed(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new SQLTransientConnectionException("timed out")))))
                .isTrue();
        assertThat(PatientEventsConsumerConfig.databaseUnreachable(listenerFailed(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))).isTrue();
        assertThat(PatientEventsConsumerConfig.databaseUnreachable(listenerFailed(new TransactionSystemException(
                "Could not commit JDBC transaction", new SQLException("An I/O error occurred", "08006"))))).isTrue();
    }

    @Test
    void poisonAndOtherFailuresAreNot() {
        assertThat(PatientEventsConsumerConfig.databaseUnreachable(listenerFailed(new MalformedPatientEvent("Not JSON"))))
                .isFalse();
        assertThat(PatientEventsConsumerConfig.databaseUnreachable(listenerFailed(
                new DataIntegrityViolationException("value too long", new SQLException("value too long", "22001")))))
                .isFalse();
    }

    private static ListenerExecutionFailedException listenerFailed(Exception cause) {
        return new ListenerExecutionFailedException("Listener method threw exception", cause);
    }
}
