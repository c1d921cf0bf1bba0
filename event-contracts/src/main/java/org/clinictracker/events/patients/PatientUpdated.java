package org.clinictracker.events.patients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Demographics were corrected; {@code version} lets consumers ignore an older update arriving late. */
public record PatientUpdated(UUID patientId, String mrn, String displayName, LocalDate birthDate, String sex,
        String indicationCode, int version, Integer baselinePainScore,
        BigDecimal opioidMmePerDay) implements PatientEvent {
}
