package org.clinictracker.followups.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;

/**
 * What a coordinator documents at a follow-up visit (api.md). Every measure is optional, but an outcome needs at
 * least one ({@link OutcomeRules}). {@code assessedOn} defaults to the clinic's today.
 */
public record OutcomeReport(
        @Min(0) @Max(10) Integer painScore,
        @Min(0) @Max(100) Integer reliefPercent,
        @Valid FunctionScore functionScore,
        // Beyond 5,000 MME/day is no dose a clinic documents but a typing slip (the highest palliative doses
        // reported run to a few thousand); refused so that it cannot distort the opioid-change figures.
        @DecimalMin("0") @DecimalMax("5000") @Digits(integer = 4, fraction = 1) BigDecimal opioidMmePerDay,
        @Min(1) @Max(5) Integer satisfaction,
        Boolean sensationReturned,
        @Size(max = 20) List<@NotNull @Valid NoticedAdverseEvent> adverseEvents,
        @MultilineText @Size(max = 4000) String notes,
        LocalDate assessedOn,
        // the PEG scale's items (PegItems); with all three and no other function score, PEG is the function score
        @Min(0) @Max(10) Integer painAverage,
        @Min(0) @Max(10) Integer pegEnjoyment,
        @Min(0) @Max(10) Integer pegActivity) {

    public List<NoticedAdverseEvent> adverseEventsOrNone() {
        return adverseEvents == null ? List.of() : adverseEvents;
    }

    /** Something was measured or noticed: notes alone do not make an outcome. */
    public boolean measuresAnything() {
        return painScore != null || reliefPercent != null || functionScore != null || opioidMmePerDay != null
                || satisfaction != null || sensationReturned != null || !adverseEventsOrNone().isEmpty()
                || pegItems().any();
    }

    public PegItems pegItems() {
        return new PegItems(painAverage, pegEnjoyment, pegActivity);
    }

    /** This report with the PEG score as its function score when all three items are given and no other score is. */
    public OutcomeReport withPegScore() {
        if (functionScore != null) {
            return this;
        }
        return pegItems().score()
                .map(peg -> new OutcomeReport(painScore, reliefPercent, peg, opioidMmePerDay, satisfaction,
                        sensationReturned, adverseEvents, notes, assessedOn, painAverage, pegEnjoyment, pegActivity))
                .orElse(this);
    }
}
