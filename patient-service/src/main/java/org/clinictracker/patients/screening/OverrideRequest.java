package org.clinictracker.patients.screening;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;
import org.clinictracker.vocabulary.Modality;

/**
 * A proceduralist's decision against the rules' result; {@code result} defaults to {@code ELIGIBLE}.
 * {@code modalities} names what it decides for; it may be left out only when the rules found the same
 * for every modality, and then the override covers them all.
 */
public record OverrideRequest(ScreeningResult result, @NotBlank @MultilineText @Size(max = 2000) String reason,
        @Size(max = 3) List<@NotNull Modality> modalities) {

    public ScreeningResult resultOrDefault() {
        return result == null ? ScreeningResult.ELIGIBLE : result;
    }

    public List<Modality> modalitiesOrNone() {
        return modalities == null ? List.of() : modalities.stream().distinct().toList();
    }
}
