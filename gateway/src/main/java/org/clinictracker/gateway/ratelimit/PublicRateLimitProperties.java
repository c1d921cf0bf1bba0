package org.clinictracker.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one client address may send to the patient's answer page and API
 * ({@code clinic.gateway.public-rate-limit.*}): a burst of {@code capacity}, then {@code refillPerMinute} a minute.
 *
 * @param maxClients how many addresses' buckets are kept; beyond it the least recently used one is forgotten
 */
@ConfigurationProperties("clinic.gateway.public-rate-limit")
public record PublicRateLimitProperties(
        @DefaultValue("20") long capacity,
        @DefaultValue("10") long refillPerMinute,
        @DefaultValue("100000") long maxClients) {

    public PublicRateLimitProperties {
        if (capacity < 1 || refillPerMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException(
                    "clinic.gateway.public-rate-limit needs a positive capacity, refill-per-minute and max-clients");
        }
    }
}
