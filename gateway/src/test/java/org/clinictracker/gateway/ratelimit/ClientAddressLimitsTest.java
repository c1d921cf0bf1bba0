package org.clinictracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ClientAddressLimitsTest {

    final WriteRateLimitsTest.ManualClock clock = new WriteRateLimitsTest.ManualClock();
    final ClientAddressLimits limits = new ClientAddressLimits(new PublicRateLimitProperties(20, 10, 1000), clock);

    @Test
    void a_burst_of_the_capacity_passes_and_the_next_request_waits_for_the_next_token() {
        assertThat(IntStream.range(0, 20).mapToObj(i -> limits.tryRequest("203.0.113.7")))
                .allSatisfy(verdict -> assertThat(verdict.allowed()).isTrue());

        RateLimitVerdict refused = limits.tryRequest("203.0.113.7");

        assertThat(refused.allowed()).isFalse();
        // 10 a minute: the next token is 6 s away
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(limits.tryRequest("203.0.113.8").allowed()).as("another address").isTrue();
    }

    @Test
    void tokens_come_back_at_the_sustained_rate() {
        IntStream.range(0, 20).forEach(i -> limits.tryRequest("203.0.113.7"));

        clock.advance(Duration.ofSeconds(30));

        assertThat(IntStream.range(0, 6).mapToObj(i -> limits.tryRequest("203.0.113.7").allowed()))
                .containsExactly(true, true, true, true, true, false);
    }
}
