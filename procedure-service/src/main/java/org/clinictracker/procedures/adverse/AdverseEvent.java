package org.clinictracker.procedures.adverse;

import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reported complication as it stands now; earlier states are kept as versions. {@code source} says who put
 * it on the record; one noticed at a follow-up visit names that {@code visitId} and followup-service's
 * {@code observationId} (both absent otherwise).
 */
public record AdverseEvent(UUID id, UUID procedureId, UUID patientId, int version, AdverseEventType type,
        String description, Severity severity, boolean serious, LocalDate onsetOn, AdverseEventOutcome outcome,
        LocalDate resolvedOn, String notes, Instant reportedAt, String reportedBy, Instant updatedAt, String updatedBy,
        AdverseEventSource source, UUID visitId, UUID observationId) {

    public AdverseEvent {
        // versions kept before follow-up visits reported complications have no source: a proceduralist's
        if (source == null) {
            source = AdverseEventSource.PROCEDURALIST;
        }
    }
}
