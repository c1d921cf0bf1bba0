package org.clinictracker.patients.patient;

import java.time.Instant;
import java.util.UUID;

/** A patient's chart as stored: the intake details plus identity, version and bookkeeping. */
public record Patient(UUID id, String mrn, int version, PatientDetails details, Instant registeredAt,
        String registeredBy, Instant updatedAt, String updatedBy) {

    /** How lists and events name the patient: "Family, Given". */
    public String displayName() {
        return details.familyName() + ", " + details.givenName();
    }
}
