package org.clinictracker.platform.audit;

import java.time.Instant;
import java.util.UUID;

/** One look at or change of a patient's data: who, in which role, did what, when, in which request. */
public record AuditEntry(UUID id, UUID patientId, String actor, String role, String action, String resource,
        Instant at, String requestId) {
}
