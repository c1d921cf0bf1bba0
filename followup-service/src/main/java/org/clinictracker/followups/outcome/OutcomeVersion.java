package org.clinictracker.followups.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An earlier version of a visit's outcome, as it stood until a coordinator amended it, and why it was amended. */
public record OutcomeVersion(int version, LocalDate assessedOn, Integer painScore, Integer reliefPercent,
        FunctionScore functionScore, BigDecimal opioidMmePerDay, Integer satisfaction, Boolean sensationReturned,
        Integer painAverage, Integer pegEnjoyment, Integer pegActivity, String notes, ReportedBy reportedBy,
        String recordedBy, Instant recordedAt, String amendedBy, Instant amendedAt, String amendmentReason) {
}
