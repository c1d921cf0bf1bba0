package org.clinictracker.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Allowed, or refused with the whole seconds to wait ({@code Retry-After}, rounded up, never 0). */
public record RateLimitVerdict(boolean allowed, long retryAfterSeconds) {

    private static final RateLimitVerdict ALLOWED = new RateLimitVerdict(true, 0);

    /** What taking one token from a bucket gave. */
    static RateLimitVerdict of(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return ALLOWED;
        }
        long nanos = probe.getNanosToWaitForRefill();
        return new RateLimitVerdict(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
