package org.clinictracker.followups.procedure;

import java.time.Instant;
import java.util.UUID;

import org.clinictracker.followups.patient.KnownPatients;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.followups.plan.FollowUpPlans;
import org.clinictracker.followups.plan.PlanAmendments;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.followups.plan.SafetyChecks;
import org.clinictracker.followups.plan.SeriousComplication;
import org.clinictracker.platform.inbox.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a procedure event means for follow-up, each applied once by its event id in one transaction with the
 * replica it updates. Events of one patient arrive in order, but a redelivery or a replay can bring an older
 * one after a newer, so a plan is always made from, and amended to, the newest version the replica holds:
 * <ul>
 * <li>{@code ProcedureRecorded} starts the plan if the procedure has none;</li>
 * <li>{@code ProcedureAmended} newer than the replica amends the plan, or starts it from the amended facts if
 * the recording has not arrived (the recording, when it comes, then finds the plan and changes nothing);</li>
 * <li>a complication reported serious adds a safety check, also later, when its procedure's plan is made.</li>
 * </ul>
 */
@Service
public class ProcedureFollowUps {

    private final ProcessedEvents processedEvents;
    private final KnownProcedures procedures;
    private final KnownAdverseEvents adverseEvents;
    private final KnownPatients patients;
    private final FollowUpPlans plans;
    private final PlanAmendments amendments;
    private final SafetyChecks safetyChecks;
    private final ClinicCalendar calendar;

    ProcedureFollowUps(ProcessedEvents processedEvents, KnownProcedures procedures, KnownAdverseEvents adverseEvents,
            KnownPatients patients, FollowUpPlans plans, PlanAmendments amendments, SafetyChecks safetyChecks,
            ClinicCalendar calendar) {
        this.processedEvents = processedEvents;
        this.procedures = procedures;
        this.adverseEvents = adverseEvents;
        this.patients = patients;
        this.plans = plans;
        this.amendments = amendments;
        this.safetyChecks = safetyChecks;
        this.calendar = calendar;
    }

    /** A procedure was logged; false if this event id was applied before. */
    @Transactional
    public boolean recorded(UUID eventId, KnownProcedure procedure) {
        return apply(eventId, "ProcedureRecorded", procedure);
    }

    /** A procedure record was corrected; false if this event id was applied before. */
    @Transactional
    public boolean amended(UUID eventId, KnownProcedure procedure) {
        return apply(eventId, "ProcedureAmended", procedure);
    }

    /** A complication was reported or its course changed; false if this event id was applied before. */
    @Transactional
    public boolean adverseEvent(UUID eventId, String eventType, Instant occurredAt, KnownAdverseEvent event) {
        if (!processedEvents.firstDelivery(eventId, eventType)) {
            return false;
        }
        adverseEvents.keepNewer(event, calendar.dayOf(occurredAt));
        if (event.serious()) {
            addSafetyChecks(event.procedureId());
        }
        return true;
    }

    /** Claims an event this service has no use for; false if seen before. */
    @Transactional
    public boolean skipped(UUID eventId, String eventType) {
        return processedEvents.firstDelivery(eventId, eventType);
    }

    private boolean apply(UUID eventId, String eventType, KnownProcedure procedure) {
        if (!processedEvents.firstDelivery(eventId, eventType)) {
            return false;
        }
        patients.ensureKnown(procedure.patientId());
        boolean newest = procedures.keepNewer(procedure);
        KnownProcedure current = newest ? procedure : procedures.find(procedure.id()).orElseThrow();
        ProcedureFacts facts = facts(current);
        if (plans.start(facts).isPresent()) {
            addSafetyChecks(current.id());
        } else if (newest) {
            amendments.amend(facts);
        }
        return true;
    }

    private void addSafetyChecks(UUID procedureId) {
        safetyChecks.addMissing(procedureId, adverseEvents.everSerious(procedureId).stream()
                .map(event -> new SeriousComplication(event.id(), event.seriousSince()))
                .toList());
    }

    private static ProcedureFacts facts(KnownProcedure procedure) {
        return new ProcedureFacts(procedure.id(), procedure.patientId(), procedure.performedAt(), procedure.modality(),
                procedure.indicationCode(), procedure.targets(), procedure.painBefore(), procedure.treatmentNumber(),
                procedure.previousProcedureId());
    }
}
