package org.clinictracker.procedures.procedure;

import jakarta.validation.constraints.Size;

/** The probe or electrode used (FHIR's {@code focalDevice}). */
public record Device(@Size(max = 120) String model, @Size(max = 20) String gauge) {
}
