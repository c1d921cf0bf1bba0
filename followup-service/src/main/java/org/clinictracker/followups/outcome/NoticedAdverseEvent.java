package org.clinictracker.followups.outcome;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;

/**
 * A complication the patient reports at a follow-up visit, in procedure-service's vocabulary so its record can
 * take it as it is. {@code description} names an {@code OTHER} one in a short clinical term (it travels in the
 * event); {@code notes} stay in this service.
 */
public record NoticedAdverseEvent(
        @NotNull AdverseEventType type,
        @Size(max = 200) String description,
        @NotNull Severity severity,
        @NotNull Boolean serious,
        @NotNull LocalDate onsetOn,
        @NotNull AdverseEventOutcome outcome,
        LocalDate resolvedOn,
        @MultilineText @Size(max = 4000) String notes) {
}
