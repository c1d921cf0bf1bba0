package org.clinictracker.procedures.procedure;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Nerve block: purpose, agent, its concentration and volume, any adjuvant. */
public record BlockParameters(
        @NotNull BlockPurpose purpose,
        @NotBlank @Size(max = 100) String agent,
        BigDecimal concentrationPercent,
        @NotNull BigDecimal volumeMl,
        @Size(max = 100) String adjuvant) {
}
