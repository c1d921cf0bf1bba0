package org.clinictracker.followups.repeat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.followups.RepeatTreatmentRecommended;
import org.clinictracker.events.followups.RepeatTreatmentResolved;
import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.followups.plan.PlanStarted;
import org.clinictracker.followups.plan.TreatmentRelinked;
import org.clinictracker.followups.repeat.RepeatCandidateRepository.FirstWaning;
import org.clinictracker.followups.repeat.RepeatCandidateRepository.Repeated;
import org.clinictracker.followups.repeat.RepeatCandidateRepository.Treated;
import org.clinictracker.followups.repeat.RepeatCandidateRepository.Waiting;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeat-treatment candidates: one per plan, made by its first outcome showing waning relief, worked by a
 * coordinator (consult booked, or dismissed with a reason), and closed when the repeat procedure is recorded.
 */
@Service
public class RepeatCandidates {

    private final RepeatCandidateRepository candidates;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final EventOutbox outbox;

    RepeatCandidates(RepeatCandidateRepository candidates, ClinicCalendar calendar, AuditTrail audit,
            EventOutbox outbox) {
        this.candidates = candidates;
        this.calendar = calendar;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * The plan's first waning outcome recommends a repeat, once: later waning outcomes find the candidate there
     * (and a coordinator's decision on it holds). Nothing is recommended for a procedure already repeated.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onOutcomeRecorded(OutcomeRecorded outcome) {
        FirstWaning waning = candidates.firstWaning(outcome.planId()).orElse(null);
        if (waning == null || candidates.repeatedAlready(outcome.procedureId())) {
            return;
        }
        UUID id = UUID.randomUUID();
        Instant now = calendar.now();
        if (candidates.insert(id, outcome.planId(), outcome.patientId(), outcome.procedureId(), waning, now)) {
            audit.record(outcome.patientId(), "REPEAT_CANDIDATE_CREATED", "repeat-treatment candidate " + id);
            outbox.append(EventEnvelope.of(outcome.patientId(), new RepeatTreatmentRecommended(id, outcome.planId(),
                    outcome.procedureId(), outcome.patientId(), waning.reasons(), calendar.today()), now));
        }
    }

    /** A new plan's procedure may be the repeat a candidate waits for. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onPlanStarted(PlanStarted plan) {
        closeRepeated(plan.patientId(), plan.procedureId(), plan.previousProcedureId());
    }

    /**
     * An amendment changed which earlier treatment a plan's procedure repeats. A candidate it closed and no longer
     * repeats (neither linked nor the same targets) opens again and is recommended again: the patient's relief is
     * still waning and nobody else will notice. Then the newly linked treatment's candidate is answered.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onTreatmentRelinked(TreatmentRelinked relinked) {
        Treated repeat = candidates.treated(relinked.procedureId()).orElse(null);
        for (Repeated closed : candidates.lockRepeatedBy(relinked.procedureId())) {
            boolean stillLinked = closed.procedureId().equals(relinked.previousProcedureId());
            boolean sameTargets = repeat != null && repeat.performedOn().isAfter(closed.performedOn())
                    && RepeatTargets.repeats(closed.targets(), repeat.targets());
            if (!stillLinked && !sameTargets) {
                candidates.reopen(closed.id());
                audit.record(relinked.patientId(), "REPEAT_CANDIDATE_REOPENED", "repeat-treatment candidate " + closed.id());
                outbox.append(EventEnvelope.of(relinked.patientId(), new RepeatTreatmentRecommended(closed.id(),
                        closed.planId(), closed.procedureId(), relinked.patientId(), closed.reasons(), calendar.today()),
                        calendar.now()));
            }
        }
        if (relinked.previousProcedureId() != null) {
            closeRepeated(relinked.patientId(), relinked.procedureId(), relinked.previousProcedureId());
        }
    }

    /**
     * Closes the patient's waiting candidates that {@code procedureId} repeats: it names the candidate's procedure
     * as its previous treatment, or, performed later, it treats one of the same targets again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeRepeated(UUID patientId, UUID procedureId, UUID previousProcedureId) {
        Treated repeat = candidates.treated(procedureId).orElse(null);
        for (Waiting waiting : candidates.lockWaiting(patientId, procedureId)) {
            boolean linked = waiting.procedureId().equals(previousProcedureId);
            boolean sameTargets = repeat != null && repeat.performedOn().isAfter(waiting.performedOn())
                    && RepeatTargets.repeats(waiting.targets(), repeat.targets());
            if (linked || sameTargets) {
                Instant now = calendar.now();
                candidates.markRepeated(waiting.id(), procedureId, now);
                audit.record(patientId, "REPEAT_CANDIDATE_REPEATED", "repeat-treatment candidate " + waiting.id());
                outbox.append(EventEnvelope.of(patientId, new RepeatTreatmentResolved(waiting.id(),
                        waiting.procedureId(), patientId, RepeatStatus.REPEATED.name(), procedureId), now));
            }
        }
    }

    @Transactional
    public PageOf<RepeatCandidate> list(RepeatStatus status, UUID patientId, PageRequest page) {
        PageOf<RepeatCandidate> found = candidates.list(status, patientId, page);
        audit.recordAll(found.content().stream().map(RepeatCandidate::patientId).distinct().toList(),
                "REPEAT_CANDIDATES_READ", "repeat-treatment candidates");
        return found;
    }

    @Transactional
    public RepeatCandidate read(UUID id) {
        RepeatCandidate candidate = candidates.find(id)
                .orElseThrow(() -> ProblemException.notFound("Repeat-treatment candidate", id));
        audit.record(candidate.patientId(), "REPEAT_CANDIDATE_READ", "repeat-treatment candidate " + id);
        return candidate;
    }

    /**
     * A coordinator's decision: an open candidate gets its consult booked or is dismissed, a booked one may still be
     * dismissed; nothing else (409). Dismissing needs a reason (422). {@code expectedVersion} (If-Match) is optional.
     */
    @Transactional
    public RepeatCandidate decide(UUID id, Integer expectedVersion, RepeatDecision decision) {
        RepeatCandidate candidate = candidates.lock(id)
                .orElseThrow(() -> ProblemException.notFound("Repeat-treatment candidate", id));
        if (expectedVersion != null && expectedVersion != candidate.version()) {
            throw ProblemException.staleVersion(expectedVersion, candidate.version());
        }
        if (!candidate.status().allows(decision.action())) {
            throw new ProblemException(HttpStatus.CONFLICT, "repeat-decision-not-allowed", "Decision not allowed",
                    "A candidate that is " + candidate.status() + " cannot become " + decision.action() + ".")
                    .with("status", candidate.status().name());
        }
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason();
        if (decision.action() == DecisionAction.DISMISSED && reason == null) {
            throw ProblemException.ruleViolations(List.of(new FieldError("reason",
                    "must say why the repeat is dismissed")));
        }
        Instant now = calendar.now();
        candidates.decide(id, decision.action().status(), Clinician.current().username(), now, reason);
        audit.record(candidate.patientId(), "REPEAT_CANDIDATE_DECIDED", "repeat-treatment candidate " + id);
        outbox.append(EventEnvelope.of(candidate.patientId(), new RepeatTreatmentResolved(id, candidate.procedureId(),
                candidate.patientId(), decision.action().name(), null), now));
        return candidates.find(id).orElseThrow();
    }
}
