package org.clinictracker.events.followups;

import java.util.UUID;

/**
 * A repeat-treatment candidate was acted on: {@code CONSULT_BOOKED} or {@code DISMISSED} by a coordinator,
 * or {@code REPEATED} when the repeat procedure ({@code repeatProcedureId}) was recorded.
 */
public record RepeatTreatmentResolved(UUID candidateId, UUID procedureId, UUID patientId, String resolution,
        UUID repeatProcedureId) implements FollowUpEvent {
}
