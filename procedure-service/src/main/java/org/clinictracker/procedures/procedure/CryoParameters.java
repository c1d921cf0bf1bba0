package org.clinictracker.procedures.procedure;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Cryoneurolysis: probe tip temperature, the freeze cycles, the thaw between them, whether the ice ball was seen. */
public record CryoParameters(
        @NotNull BigDecimal probeTemperatureCelsius,
        @NotNull @Size(max = 10) List<@Valid @NotNull FreezeCycle> cycles,
        Integer thawSeconds,
        Boolean iceBallVisualized) {
}
