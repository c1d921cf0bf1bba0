package org.clinictracker.events.followups;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A responder's relief is waning: the procedure is a candidate for repeating. {@code reasons} are the
 * waning-relief rules the outcome met (e.g. {@code RELIEF_BELOW_50_PERCENT}).
 */
public record RepeatTreatmentRecommended(UUID candidateId, UUID planId, UUID procedureId, UUID patientId,
        List<String> reasons, LocalDate recommendedOn) implements FollowUpEvent {
}
