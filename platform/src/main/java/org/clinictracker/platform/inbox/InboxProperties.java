package org.clinictracker.platform.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How consumed events are retried and remembered ({@code clinic.inbox.*}).
 *
 * @param retention          how long an applied event id is remembered; longer than the topics keep their
 *                           records (Kafka's default: 7 days), so nothing still deliverable is forgotten
 * @param retries            how often a failing event is retried before it is parked on the dead-letter topic
 * @param retryInterval      pause between those retries
 * @param databaseBackoffMax the longest pause between retries while the database is unreachable (they go on
 *                           for as long as it is)
 */
@ConfigurationProperties("clinic.inbox")
public record InboxProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("3") int retries,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("30s") Duration databaseBackoffMax) {
}
