package org.clinictracker.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

class ServiceFallbackTest {

    private static final Throwable TIMED_OUT = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer",
            new TimeoutException());

    @Test
    void a_read_that_got_no_answer_changed_nothing() {
        assertThat(ServiceFallback.problem("patient service", HttpMethod.GET, TIMED_OUT).code())
                .isEqualTo("service-unavailable");
    }

    @Test
    void a_write_that_never_reached_the_service_changed_nothing() {
        assertThat(ServiceFallback.problem("patient service", HttpMethod.POST,
                new RuntimeException(new ConnectException("Connection refused"))).code()).isEqualTo("service-unavailable");
        assertThat(ServiceFallback.problem("patient service", HttpMethod.PUT,
                CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("patients"))).code())
                .isEqualTo("service-unavailable");
    }

    @Test
    void a_write_sent_without_an_answer_may_have_been_saved_and_the_caller_learns_how_to_be_sure() {
        assertThat(ServiceFallback.problem("patient service", HttpMethod.POST, TIMED_OUT).detail())
                .isEqualTo("The patient service did not answer in time; your change may or may not have been saved. "
                        + "Repeat it with the same Idempotency-Key to be sure: a change already saved is not made twice.");
        assertThat(ServiceFallback.problem("procedure service", HttpMethod.PUT, TIMED_OUT).detail())
                .contains("may or may not have been saved", "If-Match");
    }
}
