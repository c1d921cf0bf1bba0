package org.clinictracker.followups.plan;

import java.util.List;
import java.util.Objects;

import org.clinictracker.followups.protocol.FollowUpProtocols;
import org.clinictracker.followups.protocol.Protocol;
import org.clinictracker.platform.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a plan follow its procedure's amendment (see {@link ScheduleRevision}):
 * <ul>
 * <li>a corrected day moves the open visits, counted from the new day with the windows of the protocol version
 * the plan used;</li>
 * <li>a corrected modality puts the plan on that modality's current protocol: the schedule of the procedure the
 * patient actually had (a nerve block's plan ends at week 2, a cryoneurolysis is followed for a year), while what
 * was already documented stays;</li>
 * <li>a corrected pain score before the procedure becomes the plan's baseline;</li>
 * <li>a corrected treatment link is followed and announced as {@link TreatmentRelinked}.</li>
 * </ul>
 */
@Service
public class PlanAmendments {

    private final PlanChanges changes;
    private final FollowUpProtocols protocols;
    private final FollowUpPlanner planner;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PlanAmendments(PlanChanges changes, FollowUpProtocols protocols, FollowUpPlanner planner, ClinicCalendar calendar,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.changes = changes;
        this.protocols = protocols;
        this.planner = planner;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
    }

    /** Applies the procedure's newest facts to its plan, in the caller's transaction; false if it has no plan. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean amend(ProcedureFacts facts) {
        PlanHeader plan = changes.lockPlanOf(facts.procedureId()).orElse(null);
        if (plan == null) {
            return false;
        }
        Protocol protocol = facts.modality() == plan.modality()
                ? protocolVersion(plan)
                : protocols.current(facts.modality());
        PlanHeader amended = new PlanHeader(plan.id(), plan.procedureId(), plan.patientId(), facts.modality(),
                protocol.version(), calendar.dayOf(facts.performedAt()), facts.treatmentNumber(),
                facts.previousProcedureId(),
                facts.painBefore() != null ? facts.painBefore() : plan.baselinePainScore());
        if (amended.equals(plan)) {
            return true;
        }
        changes.updatePlan(amended);
        if (!amended.performedOn().equals(plan.performedOn()) || amended.modality() != plan.modality()) {
            List<ScheduledVisit> schedule = planner.visits(protocol, amended.performedOn(), calendar.today());
            boolean superseded = changes.repeatedOn(plan.procedureId()).isPresent();
            ScheduleRevision.changes(changes.visits(plan.id()), schedule, amended.performedOn(), superseded, planner,
                    calendar.today()).forEach(change -> changes.apply(amended, change));
        }
        audit.record(plan.patientId(), "FOLLOW_UP_PLAN_AMENDED", "follow-up plan " + plan.id());
        if (amended.treatmentNumber() != plan.treatmentNumber()
                || !Objects.equals(amended.previousProcedureId(), plan.previousProcedureId())) {
            events.publishEvent(new TreatmentRelinked(plan.id(), plan.procedureId(), plan.patientId(),
                    amended.previousProcedureId()));
        }
        return true;
    }

    private Protocol protocolVersion(PlanHeader plan) {
        return protocols.versions(plan.modality()).stream()
                .filter(protocol -> protocol.version() == plan.protocolVersion())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.id() + " names a protocol version that is gone"));
    }
}
