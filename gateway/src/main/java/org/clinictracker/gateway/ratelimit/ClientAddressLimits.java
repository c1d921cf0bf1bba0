package org.clinictracker.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per client address (Bucket4j, in this gateway's memory), for the public answer page and API:
 * a request takes a token; none left means refused, with how long until the next one. Memory is bounded: at most
 * {@code maxClients} buckets, and a bucket untouched for as long as it takes to fill up is dropped (a new one
 * would be just as full).
 */
public class ClientAddressLimits {

    private final PublicRateLimitProperties limits;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public ClientAddressLimits(PublicRateLimitProperties limits, TimeMeter clock) {
        this.limits = limits;
        this.clock = clock;
        long minutesToFill = (limits.capacity() + limits.refillPerMinute() - 1) / limits.refillPerMinute();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxClients())
                .expireAfterAccess(Duration.ofMinutes(minutesToFill).plusSeconds(1))
                .build();
    }

    public RateLimitVerdict tryRequest(String clientAddress) {
        return RateLimitVerdict.of(buckets.get(clientAddress, ignored -> newBucket()).tryConsumeAndReturnRemaining(1));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.capacity())
                        .refillGreedy(limits.refillPerMinute(), Duration.ofMinutes(1)))
                .withCustomTimePrecision(clock)
                .build();
    }
}
