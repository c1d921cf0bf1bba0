package org.clinictracker.procedures.procedure;

import jakarta.validation.constraints.NotNull;

/** One freeze of a cryoneurolysis cycle; the rules decide which durations are possible and typical. */
public record FreezeCycle(@NotNull Integer seconds) {
}
