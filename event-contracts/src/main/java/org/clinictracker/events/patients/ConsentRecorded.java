package org.clinictracker.events.patients;

import java.time.LocalDate;
import java.util.UUID;

/** The patient signed consent for a modality. */
public record ConsentRecorded(UUID patientId, UUID consentId, String procedure, LocalDate signedOn)
        implements PatientEvent {
}
