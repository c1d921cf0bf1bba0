package org.clinictracker.followups.relief;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clinictracker.events.procedures.TreatedTarget;

/**
 * Which of a patient's earlier plans say how long relief lasts for them on the targets of this one: the
 * treatment chain before it (procedure-service links a repeat to the treatment it repeats), and any earlier
 * plan of the same modality on a common nerve, side and level. Only responders whose relief has ended count: a
 * relief still going tells no duration yet, and a plan without relief tells none at all.
 */
public final class OwnHistory {

    private OwnHistory() {
    }

    /** Days of relief after each earlier treatment that counts, in no particular order. */
    public static List<Integer> reliefDays(TreatedPlan current, List<TreatedPlan> patientPlans) {
        Set<UUID> chain = chainBefore(current, patientPlans);
        return patientPlans.stream()
                .filter(earlier -> !earlier.planId().equals(current.planId()))
                .filter(earlier -> earlier.reliefDays() != null)
                .filter(earlier -> earlier.performedOn().isBefore(current.performedOn()))
                .filter(earlier -> chain.contains(earlier.procedureId())
                        || earlier.modality() == current.modality() && shareATarget(earlier.targets(), current.targets()))
                .map(TreatedPlan::reliefDays)
                .toList();
    }

    /** The procedures this one repeats, one link after the other (a broken or circular chain just stops). */
    private static Set<UUID> chainBefore(TreatedPlan current, List<TreatedPlan> patientPlans) {
        Map<UUID, TreatedPlan> byProcedure = patientPlans.stream()
                .collect(Collectors.toMap(TreatedPlan::procedureId, Function.identity(), (one, other) -> one));
        Set<UUID> chain = new HashSet<>();
        UUID previous = current.previousProcedureId();
        while (previous != null && !previous.equals(current.procedureId()) && chain.add(previous)) {
            TreatedPlan earlier = byProcedure.get(previous);
            previous = earlier == null ? null : earlier.previousProcedureId();
        }
        return chain;
    }

    /** A common nerve on a common side and spinal level; bilateral covers left and right. */
    static boolean shareATarget(List<TreatedTarget> some, List<TreatedTarget> others) {
        Set<TreatedTarget> treated = sided(some);
        return sided(others).stream().anyMatch(treated::contains);
    }

    private static Set<TreatedTarget> sided(List<TreatedTarget> targets) {
        return targets.stream()
                .flatMap(target -> "BILATERAL".equals(target.laterality())
                        ? Stream.of(new TreatedTarget(target.nerve(), "LEFT", target.level()),
                                new TreatedTarget(target.nerve(), "RIGHT", target.level()))
                        : Stream.of(target))
                .map(target -> new TreatedTarget(target.nerve(), target.laterality(),
                        Objects.requireNonNullElse(target.level(), "")))
                .collect(Collectors.toSet());
    }
}
