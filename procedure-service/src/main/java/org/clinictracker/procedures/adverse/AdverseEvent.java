package org.clinictracker.procedures.adverse;

import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A reported complication as it stands now; earlier states are kept as versions. */
public record AdverseEvent(UUID id, UUID procedureId, UUID patientId, int version, AdverseEventType type,
        String description, Severity severity, boolean serious, LocalDate onsetOn, AdverseEventOutcome outcome,
        LocalDate resolvedOn, String notes, Instant reportedAt, String reportedBy, Instant updatedAt, String updatedBy) {
}
