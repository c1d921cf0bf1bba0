package org.clinictracker.events.patients;

import java.time.LocalDate;
import java.util.UUID;

/** A new chart was opened at the front desk; {@code baselinePainScore} (0–10, null if not asked) is what responders are measured against. */
public record PatientRegistered(UUID patientId, String mrn, String displayName, LocalDate birthDate, String sex,
        String indicationCode, int version, Integer baselinePainScore) implements PatientEvent {
}
