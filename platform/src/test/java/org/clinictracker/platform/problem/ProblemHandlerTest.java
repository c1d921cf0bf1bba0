package org.clinictracker.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.clinictracker.platform.input.RequestBodyLimit;
import org.clinictracker.platform.input.RequestBodyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

class ProblemHandlerTest {

    @Test
    void a_chunked_body_cut_off_while_jackson_reads_it_is_a_413_problem() throws Exception {
        RequestBodyLimit limit = new RequestBodyLimit(new RequestBodyProperties(DataSize.ofBytes(64)));
        byte[] body = ("{\"notes\":\"" + "x".repeat(500) + "\"}").getBytes();
        InputStream limited = limit.beforeBodyRead(message(body), null, null, null).getBody();
        Throwable jacksonFailure = catchThrowable(() -> JsonMapper.builder().build().readValue(limited, Map.class));

        ResponseEntity<Object> response = new ProblemHandler().handleHttpMessageNotReadable(
                new HttpMessageNotReadableException("I/O error", jacksonFailure, null), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "payload-too-large");
    }

    @Test
    void a_database_that_cannot_be_reached_or_is_restarting_is_a_503_to_try_again_not_a_500() {
        ProblemHandler handler = new ProblemHandler(Duration.ofSeconds(7));
        List<Exception> outages = List.of(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001")),
                new DataAccessResourceFailureException("PreparedStatementCallback",
                        new SQLException("terminating connection due to administrator command", "57P01")),
                new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLException("An I/O error occurred while sending to the backend", "08006")),
                rollbackFailedAfter(new DataAccessResourceFailureException("PreparedStatementCallback",
                        new SQLException("An I/O error occurred while sending to the backend", "08006"))),
                // the idempotency filter rolling back a refused request on a connection the restart broke
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));

        for (Exception outage : outages) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(outage);

            assertThat(answer.getStatusCode()).as("%s", outage).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "database-unavailable");
            assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemException.TYPE_BASE + "database-unavailable");
        }
    }

    @Test
    void a_failure_of_the_request_itself_stays_a_500() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandler().unexpected(new DataIntegrityViolationException(
                "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "internal-error");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void the_log_line_of_an_outage_names_classes_and_sql_states_not_messages_that_may_quote_a_row() {
        String logged = DatabaseUnavailable.describe(new DataAccessResourceFailureException("Key (mrn)=(CT-1) ...",
                new SQLException("Key (mrn)=(CT-1) ...", "57P01")));

        assertThat(logged).isEqualTo("DataAccessResourceFailureException < SQLException (SQL state 57P01)");
    }

    /** What a transaction template throws when the connection broke mid-work: the pool's closed connection cannot roll back. */
    private static TransactionSystemException rollbackFailedAfter(Exception work) {
        TransactionSystemException failedRollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        failedRollback.initApplicationException(work);
        return failedRollback;
    }

    private static HttpInputMessage message(byte[] content) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }
}
