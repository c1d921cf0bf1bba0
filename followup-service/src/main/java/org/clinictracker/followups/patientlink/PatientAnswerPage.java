package org.clinictracker.followups.patientlink;

import java.time.Instant;
import java.time.LocalDate;

/**
 * All the answer page shows of the patient and visit: a first name (null if the clinic has none) and the visit's
 * due day, and until when the link works.
 */
public record PatientAnswerPage(String givenName, LocalDate visitDate, Instant expiresAt) {
}
