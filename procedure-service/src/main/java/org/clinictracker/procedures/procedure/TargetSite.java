package org.clinictracker.procedures.procedure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.vocabulary.Laterality;

/**
 * One treated nerve (FHIR's {@code bodySite}): a code from the nerve catalogue, the side, the spinal
 * level where the nerve needs one (e.g. {@code T4}), and a description when the code is {@code OTHER}.
 */
public record TargetSite(
        @NotBlank @Size(max = 60) String nerve,
        @NotNull Laterality laterality,
        @Size(max = 10) String level,
        @Size(max = 200) String description) {
}
