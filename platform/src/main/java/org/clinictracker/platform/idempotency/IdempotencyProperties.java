package org.clinictracker.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long first answers to {@code Idempotency-Key} requests are kept ({@code clinic.idempotency.*}).
 *
 * @param retention     how long a key is remembered: a retry after that is a new request
 * @param purgeInterval how often forgotten keys are deleted
 * @param maxBodyBytes  larger request bodies are refused with 413 when sent with a key
 */
@ConfigurationProperties("clinic.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1048576") int maxBodyBytes) {
}
