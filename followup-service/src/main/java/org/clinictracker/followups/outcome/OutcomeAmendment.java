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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;

/**
 * A coordinator's correction of a recorded outcome: the measures as they should stand (an {@link OutcomeReport}'s
 * fields, replacing the current ones; {@code assessedOn} keeps the recorded day when absent) and why.
 * {@code adverseEvents} are complications <em>added</em> by the amendment (found on review): the ones recorded
 * before stay and are corrected in procedure-service's record, never withdrawn here.
 */
public record OutcomeAmendment(
        @Min(0) @Max(10) Integer painScore,
        @Min(0) @Max(100) Integer reliefPercent,
        @Valid FunctionScore functionScore,
        @DecimalMin("0") @DecimalMax("5000") @Digits(integer = 4, fraction = 1) BigDecimal opioidMmePerDay,
        @Min(1) @Max(5) Integer satisfaction,
        Boolean sensationReturned,
        @Size(max = 20) List<@NotNull @Valid NoticedAdverseEvent> adverseEvents,
        @MultilineText @Size(max = 4000) String notes,
        LocalDate assessedOn,
        @Min(0) @Max(10) Integer painAverage,
        @Min(0) @Max(10) Integer pegEnjoyment,
        @Min(0) @Max(10) Integer pegActivity,
        @NotBlank @Size(max = 500) String amendmentReason) {

    OutcomeReport report(LocalDate recordedAssessedOn) {
        return new OutcomeReport(painScore, reliefPercent, functionScore, opioidMmePerDay, satisfaction,
                sensationReturned, adverseEvents, notes, assessedOn != null ? assessedOn : recordedAssessedOn,
                painAverage, pegEnjoyment, pegActivity);
    }
}
