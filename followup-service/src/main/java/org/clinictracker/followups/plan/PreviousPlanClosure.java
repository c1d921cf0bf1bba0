package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A repeat treatment takes over from the one it repeats: the earlier plan's relief ended by the repeat's day at
 * the latest, and its open protocol visits are cancelled (the patient is followed under the new plan). The
 * same when an amendment relinks a plan to an earlier treatment, and when the earlier procedure's own plan is
 * made only after its repeat's (events of different procedures may arrive in any order).
 */
@Component
class PreviousPlanClosure {

    private final PlanChanges changes;
    private final AuditTrail audit;

    PreviousPlanClosure(PlanChanges changes, AuditTrail audit) {
        this.changes = changes;
        this.audit = audit;
    }

    @EventListener
    void on(PlanStarted started) {
        if (started.previousProcedureId() != null) {
            end(started.previousProcedureId(), started.planId(), started.performedOn());
        }
        changes.repeatedOn(started.procedureId()).ifPresent(day -> end(started.procedureId(), null, day));
    }

    @EventListener
    void on(TreatmentRelinked relinked) {
        if (relinked.previousProcedureId() != null) {
            changes.lockPlanOf(relinked.procedureId()).ifPresent(
                    plan -> end(relinked.previousProcedureId(), plan.id(), plan.performedOn()));
        }
    }

    private void end(UUID procedureId, UUID byPlan, LocalDate repeatedOn) {
        changes.endPlan(procedureId, repeatedOn).ifPresent(patientId -> audit.record(patientId,
                "FOLLOW_UP_PLAN_ENDED_BY_REPEAT", byPlan == null ? "procedure " + procedureId : "follow-up plan " + byPlan));
    }
}
