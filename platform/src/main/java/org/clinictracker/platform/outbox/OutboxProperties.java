package org.clinictracker.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay behaves ({@code clinic.outbox.*}).
 *
 * @param pollInterval how often pending events are looked for
 * @param batchSize    how many events one pass claims and sends
 * @param sendTimeout  how long to wait for Kafka's acknowledgement; longer than the producer's
 *                     {@code delivery.timeout.ms}, so a send is never given up while it may still land
 * @param retryBackoff pause after a failed send before the next pass (Kafka is probably down)
 * @param retention    how long published events are kept for inspection before they are deleted
 * @param maxAttempts  how many times Kafka may refuse an event itself (too large, not authorised, invalid
 *                     topic...) before it is marked FAILED; sends lost to an unreachable broker do not count
 * @param claimLease   how long at most a relay owns the events it claimed. A relay that died loses them at
 *                     once (its {@link RelayLock} goes with its connection); one that hangs, after the lease.
 *                     Longer than a pass can take.
 */
@ConfigurationProperties("clinic.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("20s") Duration sendTimeout,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2m") Duration claimLease) {

    public OutboxProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("clinic.outbox.max-attempts must be at least 1");
        }
        if (claimLease.compareTo(sendTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("clinic.outbox.claim-lease must be at least twice clinic.outbox.send-timeout");
        }
    }
}
