package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * In-process: a procedure got its plan. Published inside the transaction that made the plan, so a listener's
 * change (closing the repeat candidate this procedure answers, ending the previous plan) commits or fails with it.
 */
public record PlanStarted(UUID planId, UUID procedureId, UUID patientId, UUID previousProcedureId, LocalDate performedOn) {
}
