package org.clinictracker.procedures.adverse;

import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;

/** A complication as reported, with the procedure or later (FHIR's {@code complication}). */
public record AdverseEventReport(
        @NotNull AdverseEventType type,
        @Size(max = 200) String description,
        @NotNull Severity severity,
        @NotNull Boolean serious,
        @NotNull @PastOrPresent LocalDate onsetOn,
        @NotNull AdverseEventOutcome outcome,
        @PastOrPresent LocalDate resolvedOn,
        @MultilineText @Size(max = 4000) String notes) {
}
