package org.clinictracker.followups.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.followups.AdverseEventObserved;
import org.clinictracker.events.followups.FollowUpCompleted;
import org.clinictracker.followups.outcome.Outcome.ObservedAdverseEvent;
import org.clinictracker.followups.outcome.OutcomeRepository.VisitOnRecord;
import org.clinictracker.followups.outcome.ResponseAssessment.PlanResponse;
import org.clinictracker.followups.outcome.ResponseAssessment.Verdict;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents what a follow-up visit found: stores the outcome and the complications noticed, reassesses the plan's
 * response from all its outcomes, and announces it (FollowUpCompleted, one AdverseEventObserved per complication,
 * and in-process {@link OutcomeRecorded}).
 */
@Service
public class FollowUpOutcomes {

    private final OutcomeRepository outcomes;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final ApplicationEventPublisher events;

    FollowUpOutcomes(OutcomeRepository outcomes, ClinicCalendar calendar, AuditTrail audit, EventOutbox outbox,
            ApplicationEventPublisher events) {
        this.outcomes = outcomes;
        this.calendar = calendar;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * Records the outcome of an open visit whose window has started, or of a missed one (documented late). Refuses
     * a visit already documented or cancelled (409) and an outcome against the rules (422), storing nothing.
     */
    @Transactional
    public Outcome record(UUID visitId, OutcomeReport report) {
        VisitOnRecord visit = outcomes.lockVisit(visitId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up visit", visitId));
        LocalDate today = calendar.today();
        checkDocumentable(visit, today);
        LocalDate assessedOn = report.assessedOn() != null ? report.assessedOn() : today;
        List<FieldError> violations = OutcomeRules.violations(report, assessedOn, visit.performedOn(),
                visit.windowStart(), today);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations);
        }
        boolean documentedLate = "MISSED".equals(visit.state()) || assessedOn.isAfter(visit.windowEnd());
        Instant now = calendar.now();
        outcomes.insert(visit, report, assessedOn, documentedLate, Clinician.current().username(), now);
        List<ObservedAdverseEvent> noticed = report.adverseEventsOrNone().stream()
                .map(event -> new ObservedAdverseEvent(UUID.randomUUID(), event.type(), event.description(),
                        event.severity(), event.serious(), event.onsetOn(), event.outcome(), event.resolvedOn(),
                        event.notes()))
                .toList();
        noticed.forEach(event -> outcomes.insertAdverseEvent(visit, event));
        outcomes.markCompleted(visit.id());

        PlanResponse response = ResponseAssessment.assess(visit.baselinePainScore(), outcomes.measures(visit.planId()));
        outcomes.storeResponse(visit.planId(), response);
        Verdict verdict = response.verdicts().stream().filter(v -> v.visitId().equals(visit.id())).findFirst()
                .orElseThrow();

        audit.record(visit.patientId(), "FOLLOW_UP_OUTCOME_RECORDED", "follow-up visit " + visit.id());
        outbox.append(EventEnvelope.of(visit.patientId(), new FollowUpCompleted(visit.id(), visit.planId(),
                visit.procedureId(), visit.patientId(), visit.label(), assessedOn, report.painScore(),
                report.reliefPercent(), report.sensationReturned(), verdict.responder(), verdict.waningRelief(),
                documentedLate), now));
        for (ObservedAdverseEvent event : noticed) {
            outbox.append(EventEnvelope.of(visit.patientId(), new AdverseEventObserved(event.id(), visit.id(),
                    visit.procedureId(), visit.patientId(), event.type().name(), event.description(),
                    event.severity().name(), event.serious(), event.onsetOn(), event.outcome().name(),
                    event.resolvedOn()), now));
        }
        events.publishEvent(new OutcomeRecorded(visit.id(), visit.planId(), visit.patientId(), visit.procedureId(),
                assessedOn));
        return outcomes.find(visit.id()).orElseThrow();
    }

    @Transactional
    public Outcome read(UUID visitId) {
        Outcome outcome = outcomes.find(visitId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up outcome", visitId));
        audit.record(outcome.patientId(), "FOLLOW_UP_OUTCOME_READ", "follow-up visit " + visitId);
        return outcome;
    }

    private static void checkDocumentable(VisitOnRecord visit, LocalDate today) {
        switch (visit.state()) {
            case "COMPLETED" -> throw new ProblemException(HttpStatus.CONFLICT, "outcome-already-recorded",
                    "Outcome already recorded", "This visit's outcome is already recorded; it is not overwritten.");
            case "CANCELLED" -> throw new ProblemException(HttpStatus.CONFLICT, "visit-cancelled", "Visit cancelled",
                    "This visit was cancelled and takes no outcome.");
            case "OPEN" -> {
                if (today.isBefore(visit.windowStart())) {
                    throw new ProblemException(HttpStatus.CONFLICT, "visit-not-open", "Visit not open yet",
                            "This visit's window opens on " + visit.windowStart() + "; its outcome is recorded from then.")
                            .with("windowStart", visit.windowStart().toString());
                }
            }
            default -> {
                // MISSED: documented late, which is how a missed visit is caught up
            }
        }
    }
}
