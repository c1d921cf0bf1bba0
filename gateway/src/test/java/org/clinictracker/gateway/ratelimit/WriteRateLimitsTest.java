package org.clinictracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class WriteRateLimitsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock implements TimeMeter {
        long nanos;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final ManualClock clock = new ManualClock();
    final WriteRateLimits limits = new WriteRateLimits(
            new WriteRateLimitProperties(30, 10, Duration.ofSeconds(1), 100), clock);

    @Test
    void a_burst_of_the_capacity_passes_and_the_next_write_waits_for_one_refill_step() {
        assertThat(IntStream.range(0, 30).mapToObj(i -> limits.tryWrite("frontdesk1")))
                .allSatisfy(verdict -> assertThat(verdict.allowed()).isTrue());

        RateLimitVerdict refused = limits.tryWrite("frontdesk1");

        assertThat(refused.allowed()).isFalse();
        // 10 a second: the next token is 100 ms away, announced as 1 whole second (rounded up, never 0)
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokens_come_back_at_the_sustained_rate() {
        IntStream.range(0, 30).forEach(i -> limits.tryWrite("frontdesk1"));

        clock.advance(Duration.ofMillis(500));

        assertThat(IntStream.range(0, 6).mapToObj(i -> limits.tryWrite("frontdesk1").allowed()))
                .containsExactly(true, true, true, true, true, false);
    }

    @Test
    void retry_after_is_rounded_up_to_whole_seconds() {
        WriteRateLimits slow = new WriteRateLimits(new WriteRateLimitProperties(2, 1, Duration.ofSeconds(90), 100), clock);
        slow.tryWrite("coordinator1");
        slow.tryWrite("coordinator1");

        assertThat(slow.tryWrite("coordinator1").retryAfterSeconds()).isEqualTo(90);
        clock.advance(Duration.ofMillis(89_001));
        assertThat(slow.tryWrite("coordinator1").retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofNanos(TimeUnit.MILLISECONDS.toNanos(999)));
        assertThat(slow.tryWrite("coordinator1").allowed()).isTrue();
    }

    @Test
    void each_user_has_their_own_bucket() {
        IntStream.range(0, 31).forEach(i -> limits.tryWrite("frontdesk1"));

        assertThat(limits.tryWrite("frontdesk1").allowed()).isFalse();
        assertThat(limits.tryWrite("proceduralist1").allowed()).isTrue();
    }

    @Test
    void an_idle_bucket_is_kept_no_longer_than_it_takes_to_fill_up() {
        assertThat(new WriteRateLimitProperties(30, 10, Duration.ofSeconds(1), 100).timeToFill()).hasSeconds(3);
        assertThat(new WriteRateLimitProperties(25, 10, Duration.ofSeconds(1), 100).timeToFill()).hasSeconds(3);
        assertThat(new WriteRateLimitProperties(2, 1, Duration.ofSeconds(90), 100).timeToFill()).hasSeconds(180);
    }
}
