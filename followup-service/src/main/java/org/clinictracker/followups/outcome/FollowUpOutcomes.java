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
     * a visit already documented or cancelled (409) and an outcome against the rules (422), storing nothing. One
     * rule path whoever reports: a coordinator ({@link Reporter#staff()}) or the patient through a link
     * ({@link Reporter#patient()}, assessed today, waiting for a coordinator's review).
     */
    @Transactional
    public Outcome record(UUID visitId, OutcomeReport report, Reporter reporter) {
        VisitOnRecord visit = outcomes.lockVisit(visitId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up visit", visitId));
        LocalDate today = calendar.today();
        checkDocumentable(visit, today);
        OutcomeReport scored = report.withPegScore();
        LocalDate assessedOn = scored.assessedOn() != null ? scored.assessedOn() : today;
        checkRules(scored, assessedOn, visit, today);
        boolean documentedLate = "MISSED".equals(visit.state()) || assessedOn.isAfter(visit.windowEnd());
        Instant now = calendar.now();
        outcomes.insert(visit, scored, assessedOn, documentedLate, reporter, now);
        List<ObservedAdverseEvent> noticed = storeAdverseEvents(visit, scored);
        outcomes.markCompleted(visit.id());

        PlanResponse response = ResponseAssessment.assess(visit.baselinePainScore(), outcomes.measures(visit.planId()));
        outcomes.storeResponse(visit.planId(), response);
        Verdict verdict = response.verdicts().stream().filter(v -> v.visitId().equals(visit.id())).findFirst()
                .orElseThrow();

        if (reporter.kind() == ReportedBy.PATIENT) {
            audit.recordAs(Clinician.PATIENT, visit.patientId(), "PATIENT_ANSWERS_RECORDED", "follow-up visit " + visit.id());
        } else {
            audit.record(visit.patientId(), "FOLLOW_UP_OUTCOME_RECORDED", "follow-up visit " + visit.id());
        }
        outbox.append(EventEnvelope.of(visit.patientId(), new FollowUpCompleted(visit.id(), visit.planId(),
                visit.procedureId(), visit.patientId(), visit.label(), assessedOn, scored.painScore(),
                scored.reliefPercent(), scored.sensationReturned(), verdict.responder(), verdict.waningRelief(),
                documentedLate, reporter.kind().name()), now));
        publishAdverseEvents(visit, noticed, now);
        events.publishEvent(new OutcomeRecorded(visit.id(), visit.planId(), visit.patientId(), visit.procedureId(),
                assessedOn));
        return outcomes.find(visit.id()).orElseThrow();
    }

    /**
     * A coordinator corrects a recorded outcome (a patient's answers or a colleague's entry): the version read
     * ({@code If-Match}) must still be the current one (412 otherwise); the version amended away is kept with the
     * reason; the plan's response is worked out again and announced in-process ({@link ResponseReassessed}) so the
     * repeat-treatment candidate and the expected end of relief follow; complications added are published. The
     * amended outcome counts as reviewed by the coordinator.
     */
    @Transactional
    public Outcome amend(UUID visitId, int expectedVersion, OutcomeAmendment amendment) {
        VisitOnRecord visit = outcomes.lockVisit(visitId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up visit", visitId));
        Outcome current = outcomes.find(visitId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up outcome", visitId));
        if (current.version() != expectedVersion) {
            throw ProblemException.staleVersion(expectedVersion, current.version());
        }
        LocalDate today = calendar.today();
        OutcomeReport report = amendment.report(current.assessedOn()).withPegScore();
        checkRules(report, report.assessedOn(), visit, today);
        Instant now = calendar.now();
        String coordinator = Clinician.current().username();
        outcomes.keepVersion(visitId, coordinator, now, amendment.amendmentReason());
        outcomes.amend(visitId, report, current.documentedLate() || report.assessedOn().isAfter(visit.windowEnd()),
                coordinator, now);
        List<ObservedAdverseEvent> added = storeAdverseEvents(visit, report);

        PlanResponse response = ResponseAssessment.assess(visit.baselinePainScore(), outcomes.measures(visit.planId()));
        outcomes.storeResponse(visit.planId(), response);
        audit.record(visit.patientId(), "FOLLOW_UP_OUTCOME_AMENDED", "follow-up visit " + visit.id());
        publishAdverseEvents(visit, added, now);
        events.publishEvent(new ResponseReassessed(visit.planId(), visit.patientId(), visit.procedureId()));
        return outcomes.find(visitId).orElseThrow();
    }

    /** A coordinator has read a patient's answers and lets them stand as they are; 409 when there is nothing to review. */
    @Transactional
    public Outcome review(UUID visitId) {
        outcomes.lockVisit(visitId).orElseThrow(() -> ProblemException.notFound("Follow-up visit", visitId));
        Outcome outcome = outcomes.find(visitId).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "no-outcome", "No outcome to review", "This visit has no outcome recorded yet."));
        if (!outcomes.markReviewed(visitId, Clinician.current().username(), calendar.now())) {
            throw new ProblemException(HttpStatus.CONFLICT, "outcome-already-reviewed", "Outcome already reviewed",
                    "This outcome was reviewed by " + outcome.reviewedBy() + "; amend it to change it.");
        }
        audit.record(outcome.patientId(), "FOLLOW_UP_OUTCOME_REVIEWED", "follow-up visit " + visitId);
        return outcomes.find(visitId).orElseThrow();
    }

    /** The versions an outcome had before its amendments, oldest first (empty when never amended). */
    @Transactional
    public List<OutcomeVersion> versions(UUID visitId) {
        Outcome outcome = outcomes.find(visitId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up outcome", visitId));
        audit.record(outcome.patientId(), "FOLLOW_UP_OUTCOME_VERSIONS_READ", "follow-up visit " + visitId);
        return outcomes.versions(visitId);
    }

    private static void checkRules(OutcomeReport report, LocalDate assessedOn, VisitOnRecord visit, LocalDate today) {
        List<FieldError> violations = OutcomeRules.violations(report, assessedOn, visit.performedOn(),
                visit.windowStart(), today);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations);
        }
    }

    private List<ObservedAdverseEvent> storeAdverseEvents(VisitOnRecord visit, OutcomeReport report) {
        List<ObservedAdverseEvent> noticed = report.adverseEventsOrNone().stream()
                .map(event -> new ObservedAdverseEvent(UUID.randomUUID(), event.type(), event.description(),
                        event.severity(), event.serious(), event.onsetOn(), event.outcome(), event.resolvedOn(),
                        event.notes()))
                .toList();
        noticed.forEach(event -> outcomes.insertAdverseEvent(visit, event));
        return noticed;
    }

    private void publishAdverseEvents(VisitOnRecord visit, List<ObservedAdverseEvent> noticed, Instant now) {
        for (ObservedAdverseEvent event : noticed) {
            outbox.append(EventEnvelope.of(visit.patientId(), new AdverseEventObserved(event.id(), visit.id(),
                    visit.procedureId(), visit.patientId(), event.type().name(), event.description(),
                    event.severity().name(), event.serious(), event.onsetOn(), event.outcome().name(),
                    event.resolvedOn()), now));
        }
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
