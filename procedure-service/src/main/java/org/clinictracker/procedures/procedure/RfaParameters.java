package org.clinictracker.procedures.procedure;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;

/** Radiofrequency ablation: variant, lesion temperature, seconds per lesion, number of lesions. */
public record RfaParameters(
        @NotNull RfaVariant variant,
        @NotNull BigDecimal lesionTemperatureCelsius,
        @NotNull Integer secondsPerLesion,
        @NotNull Integer lesionCount) {
}
