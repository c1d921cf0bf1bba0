package org.clinictracker.events.followups;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A visit's window passed without an outcome. {@code consecutiveMisses} counts the patient's misses since
 * their last outcome; {@code lostToFollowUp} is true once that count reaches the clinic's limit.
 */
public record FollowUpMissed(UUID visitId, UUID planId, UUID procedureId, UUID patientId, String label,
        LocalDate dueOn, LocalDate windowEnd, int consecutiveMisses, boolean lostToFollowUp) implements FollowUpEvent {
}
