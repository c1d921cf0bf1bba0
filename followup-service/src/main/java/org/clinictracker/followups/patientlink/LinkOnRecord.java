package org.clinictracker.followups.patientlink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A link as its lookup by token finds it, locked, with what the answer page needs of its visit and patient.
 * {@code visitState} is the stored one (OPEN, COMPLETED, MISSED, CANCELLED).
 */
public record LinkOnRecord(UUID linkId, UUID visitId, UUID patientId, String visitState, Instant expiresAt,
        Instant openedAt, Instant answeredAt, Instant revokedAt, String givenName, LocalDate dueOn) {
}
