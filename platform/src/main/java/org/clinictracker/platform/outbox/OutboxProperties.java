package org.clinictracker.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay behaves ({@code clinic.outbox.*}).
 *
 * @param pollInterval how often pending events are looked for
 * @param batchSize    how many events one pass sends
 * @param sendTimeout  how long to wait for Kafka's acknowledgement; longer than the producer's
 *                     {@code delivery.timeout.ms}, so a send is never given up while it may still land
 * @param retryBackoff pause after a failed send before the next pass (Kafka is probably down)
 * @param retention    how long published events are kept for inspection before they are deleted
 */
@ConfigurationProperties("clinic.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("20s") Duration sendTimeout,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("7d") Duration retention) {
}
