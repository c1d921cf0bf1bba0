package org.clinictracker.events.patients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new chart was opened at the front desk; {@code baselinePainScore} (0–10, null if not asked) is what responders are
 * measured against, {@code opioidMmePerDay} (MME/day, null if not asked) the opioid use that outcomes are compared with.
 * {@code givenName} (the first name a patient's answer page greets them by) and {@code email} (where a visit's link
 * to answer it is sent, null if none on file) are null in events written before they existed.
 */
public record PatientRegistered(UUID patientId, String mrn, String displayName, LocalDate birthDate, String sex,
        String indicationCode, int version, Integer baselinePainScore,
        BigDecimal opioidMmePerDay, String givenName, String email) implements PatientEvent {
}
