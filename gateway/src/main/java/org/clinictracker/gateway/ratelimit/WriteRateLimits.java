package org.clinictracker.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per user, in this gateway's memory (Bucket4j): a write takes a token; none left means
 * refused, with how long until the next one. Memory is bounded: at most {@code maxUsers} buckets, and a
 * bucket untouched for as long as it takes to fill up is dropped (a new one would be just as full).
 */
public class WriteRateLimits {

    private final WriteRateLimitProperties limits;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public WriteRateLimits(WriteRateLimitProperties limits, TimeMeter clock) {
        this.limits = limits;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxUsers())
                .expireAfterAccess(limits.timeToFill().plus(Duration.ofSeconds(1)))
                .build();
    }

    public RateLimitVerdict tryWrite(String user) {
        return RateLimitVerdict.of(buckets.get(user, ignored -> newBucket()).tryConsumeAndReturnRemaining(1));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.capacity())
                        .refillGreedy(limits.refillTokens(), limits.refillPeriod()))
                .withCustomTimePrecision(clock)
                .build();
    }
}
