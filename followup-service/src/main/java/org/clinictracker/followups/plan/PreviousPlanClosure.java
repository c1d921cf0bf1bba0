package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.clinictracker.platform.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A repeat treatment takes over from the one it repeats: the earlier plan's relief ended by the repeat's day at
 * the latest, and its open protocol visits are cancelled (the patient is followed under the new plan). The
 * same when an amendment relinks a plan to an earlier treatment, and when the earlier procedure's own plan is
 * made only after its repeat's (events of different procedures may arrive in any order).
 * <p>
 * An amendment that undoes the link gives the earlier plan back: the visits that repeat cancelled open again and
 * the end of relief it set is gone. Otherwise the patient would no longer be followed for a treatment that nothing
 * took over from.
 */
@Component
class PreviousPlanClosure {

    private final PlanChanges changes;
    private final FollowUpPlanner planner;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PreviousPlanClosure(PlanChanges changes, FollowUpPlanner planner, ClinicCalendar calendar, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.changes = changes;
        this.planner = planner;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(PlanStarted started) {
        if (started.previousProcedureId() != null) {
            end(started.previousProcedureId(), started.procedureId(), started.planId(), started.performedOn());
        }
        changes.repeatOf(started.procedureId())
                .ifPresent(repeat -> end(started.procedureId(), repeat.procedureId(), null, repeat.performedOn()));
    }

    @EventListener
    void on(TreatmentRelinked relinked) {
        for (UUID earlier : changes.endedBy(relinked.procedureId())) {
            if (!earlier.equals(relinked.previousProcedureId())) {
                reopen(earlier, relinked.procedureId());
            }
        }
        if (relinked.previousProcedureId() != null) {
            changes.lockPlanOf(relinked.procedureId()).ifPresent(plan -> end(relinked.previousProcedureId(),
                    plan.procedureId(), plan.id(), plan.performedOn()));
        }
    }

    private void end(UUID procedureId, UUID repeatProcedureId, UUID byPlan, LocalDate repeatedOn) {
        changes.endPlan(procedureId, repeatProcedureId, repeatedOn).ifPresent(patientId -> audit.record(patientId,
                "FOLLOW_UP_PLAN_ENDED_BY_REPEAT", byPlan == null ? "procedure " + procedureId : "follow-up plan " + byPlan));
    }

    /**
     * The plan of {@code earlier} as it was before {@code undoneRepeat} ended it. A visit whose window closed
     * meanwhile is overdue with the late-entry grace (it can still be documented, and is missed only after). If
     * another recorded treatment still repeats it, that one has taken over and the plan stays ended.
     */
    private void reopen(UUID earlier, UUID undoneRepeat) {
        PlanHeader plan = changes.lockPlanOf(earlier).orElse(null);
        if (plan == null || changes.repeatOf(earlier).isPresent()) {
            return;
        }
        LocalDate today = calendar.today();
        List<PlanVisit> cancelled = changes.cancelledBy(plan.id(), undoneRepeat);
        for (PlanVisit visit : cancelled) {
            ScheduledVisit again = planner.around(visit.label(), visit.offsetDays() == null ? 0 : visit.offsetDays(),
                    visit.dueOn(), (int) ChronoUnit.DAYS.between(visit.windowStart(), visit.dueOn()),
                    (int) ChronoUnit.DAYS.between(visit.dueOn(), visit.windowEnd()), today);
            changes.reopenVisit(visit.id(), again.lastDay());
        }
        changes.clearReliefEndedBy(plan.id(), undoneRepeat);
        audit.record(plan.patientId(), "FOLLOW_UP_PLAN_REOPENED", "follow-up plan " + plan.id());
        // its response and expected end of relief are worked out again without the repeat's end
        events.publishEvent(new PlanAmended(plan.id(), plan.procedureId(), plan.patientId()));
    }
}
