package org.clinictracker.followups.repeat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;

/** A coordinator's decision on a candidate; dismissing needs a reason ({@link RepeatCandidates#decide}). */
public record RepeatDecision(@NotNull DecisionAction action, @MultilineText @Size(max = 2000) String reason) {
}
