package org.clinictracker.events.patients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Demographics were corrected; {@code version} lets consumers ignore an older update arriving late. A null
 * {@code email} means the chart has none (any earlier one was removed); fields as in {@link PatientRegistered}.
 */
public record PatientUpdated(UUID patientId, String mrn, String displayName, LocalDate birthDate, String sex,
        String indicationCode, int version, Integer baselinePainScore,
        BigDecimal opioidMmePerDay, String givenName, String email) implements PatientEvent {
}
