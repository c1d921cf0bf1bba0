package org.clinictracker.patients.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;

/** A proceduralist's decision against the rules' result; {@code result} defaults to {@code ELIGIBLE}. */
public record OverrideRequest(ScreeningResult result, @NotBlank @MultilineText @Size(max = 2000) String reason) {

    public ScreeningResult resultOrDefault() {
        return result == null ? ScreeningResult.ELIGIBLE : result;
    }
}
