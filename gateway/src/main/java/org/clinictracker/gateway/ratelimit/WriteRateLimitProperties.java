package org.clinictracker.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many writes one user may send through the gateway ({@code clinic.rate-limit.writes.*}): a burst of
 * {@code capacity}, then {@code refillTokens} per {@code refillPeriod}.
 *
 * @param maxUsers how many users' buckets are kept; beyond it the least recently used one is forgotten
 */
@ConfigurationProperties("clinic.rate-limit.writes")
public record WriteRateLimitProperties(
        @DefaultValue("30") long capacity,
        @DefaultValue("10") long refillTokens,
        @DefaultValue("1s") Duration refillPeriod,
        @DefaultValue("10000") long maxUsers) {

    public WriteRateLimitProperties {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isNegative() || refillPeriod.isZero() || maxUsers < 1) {
            throw new IllegalArgumentException("clinic.rate-limit.writes needs a positive capacity, refill and max-users");
        }
    }

    /** How long an untouched bucket takes to fill up from empty: after that it equals a new one. */
    Duration timeToFill() {
        return refillPeriod.multipliedBy((capacity + refillTokens - 1) / refillTokens);
    }
}
