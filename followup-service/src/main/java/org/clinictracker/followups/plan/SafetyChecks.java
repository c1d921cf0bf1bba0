package org.clinictracker.followups.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.platform.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A serious complication earns the patient one early check visit ({@code SAFETY_CHECK_1}, {@code _2}, ... on
 * the procedure's plan, one per complication: see {@link SafetyCheckSchedule}). Called whenever a complication is
 * reported serious and again when a plan is made, so a report that came before its procedure still gets its check.
 */
@Service
public class SafetyChecks {

    private final PlanChanges changes;
    private final FollowUpPlanner planner;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;

    SafetyChecks(PlanChanges changes, FollowUpPlanner planner, ClinicCalendar calendar, AuditTrail audit) {
        this.changes = changes;
        this.planner = planner;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Adds the checks the procedure's plan lacks, in the caller's transaction; none while it has no plan. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addMissing(UUID procedureId, List<SeriousComplication> complications) {
        if (complications.isEmpty()) {
            return;
        }
        changes.lockPlanOf(procedureId).ifPresent(plan -> {
            Set<UUID> checked = new HashSet<>(changes.checkedComplications(plan.id()));
            int n = changes.safetyChecks(plan.id());
            for (SeriousComplication complication : complications) {
                if (checked.contains(complication.adverseEventId())) {
                    continue;
                }
                String label = SafetyCheckSchedule.label(++n);
                ScheduledVisit visit = SafetyCheckSchedule.schedule(planner, label,
                        SafetyCheckSchedule.dueOn(complication.seriousOn(), plan.performedOn()), calendar.today());
                if (changes.insertSafetyCheck(plan, visit, complication.adverseEventId())) {
                    audit.record(plan.patientId(), "SAFETY_CHECK_ADDED", "follow-up plan " + plan.id());
                }
            }
        });
    }
}
