package org.clinictracker.followups.patientlink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A link that may be opened or answered right now, its row locked by the caller's transaction. {@code givenName}
 * (may be null) and {@code dueOn} are all the answer page shows.
 */
public record UsableLink(UUID linkId, UUID visitId, UUID patientId, String givenName, LocalDate dueOn,
        Instant expiresAt, Instant openedAt) {
}
