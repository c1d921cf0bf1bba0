package org.clinictracker.followups.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Responder and waning relief, exactly as domain.md defines them, over all of a plan's outcomes at once.
 * <p>
 * <b>Responder</b>: pain at least 50 % below the baseline (pain &le; baseline / 2). Without a baseline, or with a
 * baseline of 0, nothing can be halved: responder is unknown (null) and the plan can never wane.
 * <p>
 * <b>Waning relief</b>, only once the plan has been a responder at an earlier outcome: relief below 50 %, pain 2 or
 * more above its best (lowest) since the procedure, or sensation returned with pain above its best. A responder
 * whose pain is no longer 50 % below baseline also wanes: domain.md's "relief falls below 50 %" read on the pain
 * score as well as on the patient's own percentage, because either can be the one recorded and missing a waning
 * patient costs a timely repeat, while an extra review costs a phone call (patient safety: more reviews, not fewer).
 * <p>
 * Outcomes are taken in {@code assessedOn} order whatever order they were documented in, so an earlier visit
 * documented late is assessed where it belongs; callers recompute from all the plan's outcomes every time.
 */
public final class ResponseAssessment {

    private ResponseAssessment() {
    }

    /** What the rules read of one outcome. */
    public record Measures(UUID visitId, LocalDate assessedOn, Integer painScore, Integer reliefPercent,
            Boolean sensationReturned) {
    }

    /** The verdict on one outcome: {@code responder} null when unknown. */
    public record Verdict(UUID visitId, Boolean responder, boolean waningRelief, List<WaningReason> reasons) {
    }

    /** The plan's response so far: first responder day, lowest pain, first waning day (each null if none yet). */
    public record PlanResponse(LocalDate responderSince, Integer bestPainScore, LocalDate reliefEndedOn,
            List<Verdict> verdicts) {

        /** The first waning outcome, which is what a repeat-treatment candidate is made from. */
        public Optional<Verdict> firstWaning() {
            return verdicts.stream().filter(Verdict::waningRelief).findFirst();
        }
    }

    /** Assesses every outcome of a plan; the verdicts come in assessment order. */
    public static PlanResponse assess(Integer baselinePainScore, List<Measures> outcomes) {
        List<Measures> inOrder = outcomes.stream()
                .sorted(Comparator.comparing(Measures::assessedOn)).toList(); // stable: same day keeps given order
        boolean measurable = baselinePainScore != null && baselinePainScore > 0;
        List<Verdict> verdicts = new ArrayList<>();
        Integer best = null;
        boolean respondedBefore = false;
        LocalDate responderSince = null;
        LocalDate reliefEndedOn = null;
        for (Measures outcome : inOrder) {
            Integer pain = outcome.painScore();
            Boolean responder = measurable && pain != null ? 2 * pain <= baselinePainScore : null;
            List<WaningReason> reasons = measurable && respondedBefore
                    ? waningReasons(baselinePainScore, best, outcome) : List.of();
            verdicts.add(new Verdict(outcome.visitId(), responder, !reasons.isEmpty(), reasons));
            if (Boolean.TRUE.equals(responder) && responderSince == null) {
                responderSince = outcome.assessedOn();
            }
            if (!reasons.isEmpty() && reliefEndedOn == null) {
                reliefEndedOn = outcome.assessedOn();
            }
            respondedBefore |= Boolean.TRUE.equals(responder);
            if (pain != null && (best == null || pain < best)) {
                best = pain;
            }
        }
        return new PlanResponse(responderSince, best, reliefEndedOn, List.copyOf(verdicts));
    }

    private static List<WaningReason> waningReasons(int baseline, Integer bestBefore, Measures outcome) {
        Set<WaningReason> reasons = EnumSet.noneOf(WaningReason.class);
        Integer pain = outcome.painScore();
        if (outcome.reliefPercent() != null && outcome.reliefPercent() < 50) {
            reasons.add(WaningReason.RELIEF_BELOW_50_PERCENT);
        }
        if (pain != null && 2 * pain > baseline) {
            reasons.add(WaningReason.PAIN_REDUCTION_BELOW_50_PERCENT);
        }
        if (pain != null && bestBefore != null && pain >= bestBefore + 2) {
            reasons.add(WaningReason.PAIN_UP_2_FROM_BEST);
        }
        if (Boolean.TRUE.equals(outcome.sensationReturned()) && pain != null && bestBefore != null && pain > bestBefore) {
            reasons.add(WaningReason.SENSATION_RETURNED_WITH_PAIN);
        }
        return List.copyOf(reasons);
    }
}
