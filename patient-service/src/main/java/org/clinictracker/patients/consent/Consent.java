package org.clinictracker.patients.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.vocabulary.Modality;

public record Consent(UUID id, UUID patientId, Modality procedure, LocalDate signedOn, String witness,
        String formVersion, String recordedBy, Instant recordedAt) {
}
