package org.clinictracker.events.followups;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A visit's outcome was recorded. {@code responder} is null when the plan has no baseline pain score to
 * measure against; {@code waningRelief} says this outcome shows a responder's relief fading (domain.md).
 * Free-text notes stay in followup-service. {@code reportedBy} is {@code STAFF} (a coordinator documented the
 * visit) or {@code PATIENT} (the patient answered through a follow-up link, not yet reviewed by the clinic); null
 * in events from before it was added.
 */
public record FollowUpCompleted(UUID visitId, UUID planId, UUID procedureId, UUID patientId, String label,
        LocalDate assessedOn, Integer painScore, Integer reliefPercent, Boolean sensationReturned, Boolean responder,
        boolean waningRelief, boolean documentedLate, String reportedBy) implements FollowUpEvent {
}
