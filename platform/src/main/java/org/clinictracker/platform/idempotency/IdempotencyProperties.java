package org.clinictracker.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long first answers to {@code Idempotency-Key} requests are kept ({@code clinic.idempotency.*}).
 *
 * @param retention     how long a key is remembered: a retry after that is a new request
 * @param purgeInterval how often forgotten keys are deleted
 */
@ConfigurationProperties("clinic.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {
}
