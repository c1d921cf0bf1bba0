package org.clinictracker.patients.consent;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.clinictracker.vocabulary.Modality;

/** A signed procedure consent as the front desk records it. */
public record ConsentRequest(
        @NotNull Modality procedure,
        @NotNull @PastOrPresent LocalDate signedOn,
        @NotBlank @Size(max = 200) String witness,
        @Size(max = 60) String formVersion) {
}
