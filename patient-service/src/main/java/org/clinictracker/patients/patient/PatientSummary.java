package org.clinictracker.patients.patient;

import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.patients.screening.ScreeningResult;

/**
 * A patient as a search result shows them: enough to pick the right chart (identity, name, birth date,
 * sex) and the flag a clinician acts on (the latest screening's result, null if never screened). Contact
 * details, address, insurance and emergency contact stay in the chart ({@link PatientView}), whose every
 * read is audited one by one.
 */
public record PatientSummary(
        UUID id,
        String mrn,
        int version,
        String displayName,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Sex sex,
        ScreeningResult screeningResult) {

    public static PatientSummary of(Patient patient, ScreeningResult latestScreeningResult) {
        PatientDetails d = patient.details();
        return new PatientSummary(patient.id(), patient.mrn(), patient.version(), patient.displayName(),
                d.givenName(), d.familyName(), d.birthDate(), d.sex(), latestScreeningResult);
    }
}
