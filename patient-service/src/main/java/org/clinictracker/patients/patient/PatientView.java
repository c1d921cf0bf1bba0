package org.clinictracker.patients.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.patients.screening.Screening;
import org.clinictracker.vocabulary.Laterality;

/** A chart as clients read it: the details, identity, version and, on single reads, the screening that counts. */
public record PatientView(
        UUID id,
        String mrn,
        int version,
        String displayName,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Sex sex,
        String phone,
        String email,
        Address address,
        String preferredLanguage,
        EmergencyContact emergencyContact,
        Insurance insurance,
        String referringClinician,
        IndicationView indication,
        String painLocation,
        Laterality laterality,
        Integer painDurationMonths,
        Integer baselinePainScore,
        BigDecimal opioidMmePerDay,
        Boolean anticoagulated,
        List<Therapy> currentTherapies,
        Screening screening,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        String updatedBy) {

    public record IndicationView(String code, String icd10, String text) {
    }

    public static PatientView of(Patient patient, Screening latestScreening) {
        PatientDetails d = patient.details();
        IndicationView indication = d.indication() == null ? null
                : new IndicationView(d.indication().code().name(), d.indication().icd10(), d.indication().text());
        return new PatientView(patient.id(), patient.mrn(), patient.version(), patient.displayName(), d.givenName(),
                d.familyName(), d.birthDate(), d.sex(), d.phone(), d.email(), d.address(), d.preferredLanguage(),
                d.emergencyContact(), d.insurance(), d.referringClinician(), indication, d.painLocation(),
                d.laterality(), d.painDurationMonths(), d.baselinePainScore(), d.opioidMmePerDay(),
                d.anticoagulated(), d.currentTherapies(), latestScreening, patient.registeredAt(),
                patient.registeredBy(), patient.updatedAt(), patient.updatedBy());
    }
}
