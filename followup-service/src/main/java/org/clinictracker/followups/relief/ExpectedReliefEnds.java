package org.clinictracker.followups.relief;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.followups.plan.PlanStarted;
import org.clinictracker.followups.plan.TreatmentRelinked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each plan's expected end of relief up to date: worked out again whenever an outcome changes what is known
 * of the plan's response, cleared when relief has ended or the same targets were treated again. It only informs
 * the coordinators' relief-ending list; visits and their windows never depend on it.
 */
@Service
public class ExpectedReliefEnds {

    private final ReliefRepository relief;
    private final ReliefProperties properties;

    ExpectedReliefEnds(ReliefRepository relief, ReliefProperties properties) {
        this.relief = relief;
        this.properties = properties;
    }

    /** An outcome may have made a responder, ended relief, or (late documented) changed either: work it out again. */
    @EventListener
    void on(OutcomeRecorded outcome) {
        recompute(outcome.planId());
    }

    /** A repeat treatment's plan: the plan it repeats stops estimating (the new one will, once it responds). */
    @EventListener
    void on(PlanStarted started) {
        if (started.previousProcedureId() != null) {
            relief.planOfProcedure(started.previousProcedureId()).ifPresent(this::recompute);
        }
    }

    /** An amendment changed which treatment a plan repeats: its own history changed, and the one it now repeats stops. */
    @EventListener
    void on(TreatmentRelinked relinked) {
        recompute(relinked.planId());
        if (relinked.previousProcedureId() != null) {
            relief.planOfProcedure(relinked.previousProcedureId()).ifPresent(this::recompute);
        }
    }

    /**
     * Works the plan's estimate out again from what is stored now and stores it (or clears it); the estimate, or
     * empty when the plan should show none. Callable by whatever changes a plan's dates, links or response.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ExpectedReliefEnd> recompute(UUID planId) {
        Optional<ReliefRepository.PlanRelief> found = relief.lockPlan(planId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReliefRepository.PlanRelief current = found.get();
        TreatedPlan plan = current.plan();
        Optional<ExpectedReliefEnd> estimate = Optional.empty();
        if (NoEstimate.estimable(plan.responderSince(), plan.reliefEndedOn(), current.repeated())) {
            List<Integer> own = OwnHistory.reliefDays(plan, relief.patientPlans(current.patientId()));
            estimate = ExpectedReliefEnd.estimate(plan.modality(), plan.performedOn(), own,
                    () -> relief.clinicReliefDays(plan.modality(), nerves(plan.targets()), plan.planId()),
                    properties.minClinicSample());
        }
        relief.store(planId, estimate.orElse(null));
        return estimate;
    }

    private static Set<String> nerves(List<TreatedTarget> targets) {
        return targets.stream().map(TreatedTarget::nerve).collect(Collectors.toSet());
    }
}
