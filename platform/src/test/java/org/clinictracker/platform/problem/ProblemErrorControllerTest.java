package org.clinictracker.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.TransactionSystemException;

/** What the container's error page answers for refusals made before any controller ran. */
class ProblemErrorControllerTest {

    final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void a_request_the_container_could_not_read_is_a_400_problem_with_a_stable_code() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/patients");

        ResponseEntity<ProblemDetail> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "bad-request");
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemException.TYPE_BASE + "bad-request");
        assertThat(answer.getBody().getInstance().toString()).isEqualTo("/api/patients");
    }

    @Test
    void a_filter_whose_transaction_could_not_end_on_a_broken_connection_is_a_503_to_try_again() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")));

        ResponseEntity<ProblemDetail> answer = new ProblemErrorController(Duration.ofSeconds(3)).error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-unavailable");
    }

    @Test
    void without_a_status_it_is_a_500_that_tells_nothing_of_the_cause() {
        ResponseEntity<ProblemDetail> answer = controller.error(new MockHttpServletRequest("GET", "/error"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "internal-error");
        assertThat(answer.getBody().getDetail()).contains("X-Request-Id");
    }

    @Test
    void the_path_it_names_cannot_carry_markup_or_control_characters() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/<script>\u0000x");

        ProblemDetail problem = controller.error(request).getBody();

        assertThat(problem.getInstance().toString()).isEqualTo("/api/_script__x");
        assertThat(problem.getProperties()).containsEntry("code", "not-found");
    }
}
