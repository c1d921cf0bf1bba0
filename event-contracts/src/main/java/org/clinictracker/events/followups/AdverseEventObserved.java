package org.clinictracker.events.followups;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A complication noticed at a follow-up visit, for procedure-service to attach to the procedure's record.
 * {@code observationId} is unique per complication noticed, so the record gets it once however often
 * this is delivered. {@code description} names an {@code OTHER} complication (a short clinical term, no notes).
 */
public record AdverseEventObserved(UUID observationId, UUID visitId, UUID procedureId, UUID patientId, String type,
        String description, String severity, boolean serious, LocalDate onsetOn, String outcome, LocalDate resolvedOn)
        implements FollowUpEvent {
}
