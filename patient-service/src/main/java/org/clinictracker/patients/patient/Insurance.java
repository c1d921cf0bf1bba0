package org.clinictracker.patients.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Insurance(@NotBlank @Size(max = 200) String payer, @Size(max = 60) String memberId) {
}
