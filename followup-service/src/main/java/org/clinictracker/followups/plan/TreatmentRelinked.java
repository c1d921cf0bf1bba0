package org.clinictracker.followups.plan;

import java.util.UUID;

/**
 * In-process: an amendment changed which earlier treatment a plan's procedure repeats (its treatment number
 * or {@code previousProcedureId}). Published inside the amendment's transaction; {@code previousProcedureId}
 * is the new link, null when the procedure no longer repeats another.
 */
public record TreatmentRelinked(UUID planId, UUID procedureId, UUID patientId, UUID previousProcedureId) {
}
