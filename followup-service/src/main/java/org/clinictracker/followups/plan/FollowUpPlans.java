package org.clinictracker.followups.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.followups.FollowUpPlanCreated;
import org.clinictracker.events.followups.PlannedVisit;
import org.clinictracker.followups.protocol.FollowUpProtocols;
import org.clinictracker.followups.protocol.Protocol;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a procedure's follow-up plan from its modality's current protocol, and keeps the protocol version it used:
 * a later change of the protocol applies to later plans only.
 */
@Service
public class FollowUpPlans {

    private final PlanRepository plans;
    private final FollowUpProtocols protocols;
    private final FollowUpPlanner planner;
    private final ClinicCalendar calendar;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    FollowUpPlans(PlanRepository plans, FollowUpProtocols protocols, FollowUpPlanner planner, ClinicCalendar calendar,
            EventOutbox outbox, AuditTrail audit, ApplicationEventPublisher events) {
        this.plans = plans;
        this.protocols = protocols;
        this.planner = planner;
        this.calendar = calendar;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Makes the procedure's plan, in the caller's transaction (the one that claims the event): the plan id, or empty
     * when the procedure already has a plan, so however often a procedure is delivered it has one plan.
     * Responders are measured against the pain just before the procedure, else the chart's baseline.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> start(ProcedureFacts facts) {
        Protocol protocol = protocols.current(facts.modality());
        LocalDate performedOn = calendar.dayOf(facts.performedAt());
        Integer baseline = facts.painBefore() != null ? facts.painBefore() : plans.chartBaseline(facts.patientId());
        Instant now = calendar.now();
        UUID planId = UUID.randomUUID();
        if (!plans.insertPlan(planId, facts, protocol.version(), performedOn, baseline, now)) {
            return Optional.empty();
        }
        List<PlannedVisit> visits = plans.insertVisits(planId, facts,
                planner.visits(protocol, performedOn, calendar.today()));
        audit.record(facts.patientId(), "FOLLOW_UP_PLAN_CREATED", "follow-up plan " + planId);
        outbox.append(EventEnvelope.of(facts.patientId(), new FollowUpPlanCreated(planId, facts.procedureId(),
                facts.patientId(), facts.modality().name(), protocol.version(), facts.treatmentNumber(), visits), now));
        events.publishEvent(new PlanStarted(planId, facts.procedureId(), facts.patientId(), facts.previousProcedureId(),
                performedOn));
        return Optional.of(planId);
    }
}
