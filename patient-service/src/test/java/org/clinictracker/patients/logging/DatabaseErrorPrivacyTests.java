package org.clinictracker.patients.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An unexpected database error is logged with its stack trace (ProblemHandler); PostgreSQL's error detail
 * would quote the refused row's values there, a patient's name or MRN among them. The service turns it off.
 */
@ClinicServiceTest
class DatabaseErrorPrivacyTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_refused_row_is_not_quoted_in_the_database_error() {
        UUID eventId = UUID.randomUUID();
        String insert = "INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, 'PrivacyCheck', now())";
        jdbc.sql(insert).param(eventId).update();

        Throwable refused = catchThrowable(() -> jdbc.sql(insert).param(eventId).update());

        assertThat(refused).isInstanceOf(DuplicateKeyException.class);
        assertThat(refused).hasMessageContaining("duplicate key");
        assertThat(messagesOf(refused)).doesNotContain(eventId.toString());
        jdbc.sql("DELETE FROM processed_event WHERE event_id = ?").param(eventId).update();
    }

    private static String messagesOf(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }
}
