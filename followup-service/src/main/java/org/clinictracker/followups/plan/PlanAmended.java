package org.clinictracker.followups.plan;

import java.util.UUID;

/**
 * In-process: an amendment of the procedure changed its plan (day, modality, baseline pain or treatment link).
 * Published in the amendment's transaction, so the plan's response and expected end of relief are worked out
 * again against the corrected facts before it commits.
 */
public record PlanAmended(UUID planId, UUID procedureId, UUID patientId) {
}
