package org.clinictracker.events.patients;

import java.time.LocalDate;
import java.util.UUID;

/** A new chart was opened at the front desk. */
public record PatientRegistered(UUID patientId, String mrn, String displayName, LocalDate birthDate, String sex,
        String indicationCode, int version) implements PatientEvent {
}
