package org.clinictracker.events.followups;

import java.util.List;
import java.util.UUID;

/**
 * A recorded procedure got its follow-up plan: the visits of the modality's protocol in the version
 * {@code protocolVersion}, counted from the day it was performed.
 */
public record FollowUpPlanCreated(UUID planId, UUID procedureId, UUID patientId, String modality,
        int protocolVersion, int treatmentNumber, List<PlannedVisit> visits) implements FollowUpEvent {
}
