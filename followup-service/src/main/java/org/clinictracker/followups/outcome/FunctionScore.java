package org.clinictracker.followups.outcome;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** A function questionnaire's score; its range depends on the instrument ({@link FunctionInstrument}). */
public record FunctionScore(
        @NotNull FunctionInstrument instrument,
        // one decimal: a PROMIS T-score or an ODI with unanswered sections is not a whole number
        @NotNull @Digits(integer = 3, fraction = 1) BigDecimal value) {
}
