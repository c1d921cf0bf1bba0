package org.clinictracker.patients.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.clinictracker.patients.patient.Address;
import org.clinictracker.patients.patient.EmergencyContact;
import org.clinictracker.patients.patient.Patient;
import org.clinictracker.patients.patient.PatientDetails;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.vocabulary.IndicationEntry;
import org.clinictracker.vocabulary.Laterality;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A chart as the FHIR resources patient-service holds: the {@code Patient} (the MRN as its identifier, contact
 * details, preferred language: the record handed to the next physician, so PHI belongs here; insurance does not),
 * the indication at intake as a {@code Condition} (ICD-10 and the clinic's code) with the pain's site and side as a
 * {@code BodyStructure}, and the intake's baseline pain score and opioid use as {@code Observation}s. Ids are the
 * chart's id or name-based on it, so two exports of the same chart are the same resources.
 */
final class ChartAsFhir {

    static final String PAIN_SCORE_LOINC = ClinicCodeSystems.LOINC_PAIN_SEVERITY;
    /** R4 core extension: a CodeableConcept body site's BodyStructure, where its side is. */
    static final String BODY_SITE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/bodySite";
    /** The same code as followup-service's opioid use at each visit, so one concept has one code in the record. */
    static final String OPIOID_MME_CODE = "OPIOID_MME_PER_DAY";

    private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    private static final String CONTACT_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/v2-0131";

    private ChartAsFhir() {
    }

    static List<Resource> resources(Patient chart) {
        List<Resource> resources = new ArrayList<>();
        resources.add(patient(chart));
        PatientDetails intake = chart.details();
        BodyStructure painSite = painSite(chart);
        if (painSite != null) {
            resources.add(painSite);
        }
        if (intake.indication() != null) {
            resources.add(indication(chart, painSite));
        }
        if (intake.baselinePainScore() != null) {
            resources.add(baselinePainScore(chart));
        }
        if (intake.opioidMmePerDay() != null) {
            resources.add(baselineOpioidUse(chart));
        }
        return resources;
    }

    /** A stable id for a resource derived from the chart ({@code "indication"}, {@code "intake-pain"}...). */
    static String derivedId(String what, UUID patientId) {
        return UUID.nameUUIDFromBytes((what + ":" + patientId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Reference subject(Patient chart) {
        return new Reference("Patient/" + chart.id());
    }

    private static org.hl7.fhir.r4.model.Patient patient(Patient chart) {
        PatientDetails d = chart.details();
        var patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId(chart.id().toString());
        patient.getMeta().setLastUpdated(Date.from(chart.updatedAt()));
        patient.setActive(true);
        patient.addIdentifier()
                .setType(new CodeableConcept(new Coding(ClinicCodeSystems.V2_IDENTIFIER_TYPE, "MR", "Medical record number")))
                .setSystem(ClinicCodeSystems.MRN)
                .setValue(chart.mrn());
        patient.addName().setUse(NameUse.OFFICIAL).setFamily(d.familyName()).addGiven(d.givenName());
        patient.setGender(switch (d.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        patient.setBirthDateElement(new DateType(d.birthDate().toString()));
        if (d.phone() != null) {
            patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(d.phone());
        }
        if (d.email() != null) {
            patient.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(d.email());
        }
        if (d.address() != null) {
            patient.addAddress(address(d.address()));
        }
        if (d.preferredLanguage() != null) {
            patient.addCommunication().setPreferred(true).setLanguage(CommonLanguages.of(d.preferredLanguage()));
        }
        if (d.emergencyContact() != null) {
            EmergencyContact contact = d.emergencyContact();
            var relationship = new CodeableConcept(new Coding(CONTACT_RELATIONSHIP, "C", "Emergency Contact"));
            relationship.setText(contact.relationship());
            var patientContact = patient.addContact().addRelationship(relationship);
            patientContact.getName().setText(contact.name());
            if (contact.phone() != null) {
                patientContact.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(contact.phone());
            }
        }
        return patient;
    }

    private static org.hl7.fhir.r4.model.Address address(Address address) {
        var fhir = new org.hl7.fhir.r4.model.Address();
        if (address.line1() != null) {
            fhir.addLine(address.line1());
        }
        if (address.line2() != null) {
            fhir.addLine(address.line2());
        }
        return fhir.setCity(address.city()).setState(address.region()).setPostalCode(address.postalCode())
                .setCountry(address.country());
    }

    /** Where the pain is and on which side, as intake recorded it; none if intake recorded neither. */
    private static BodyStructure painSite(Patient chart) {
        PatientDetails d = chart.details();
        if (d.painLocation() == null && d.laterality() == null) {
            return null;
        }
        BodyStructure site = new BodyStructure();
        site.setId(derivedId("pain-site", chart.id()));
        site.setPatient(subject(chart));
        site.setDescription(siteText(d));
        if (d.painLocation() != null) {
            site.getLocation().setText(d.painLocation());
        }
        if (d.laterality() != null) {
            site.addLocationQualifier(laterality(d.laterality()));
        }
        return site;
    }

    /** The side as R4's bodystructure-relative-location codes it (SNOMED qualifier values). */
    static CodeableConcept laterality(Laterality laterality) {
        Coding coding = switch (laterality) {
            case LEFT -> new Coding(ClinicCodeSystems.SNOMED, "419161000", "Unilateral left");
            case RIGHT -> new Coding(ClinicCodeSystems.SNOMED, "419465000", "Unilateral right");
            case BILATERAL -> new Coding(ClinicCodeSystems.SNOMED, "51440002", "Bilateral");
            case MIDLINE -> new Coding(ClinicCodeSystems.SNOMED, "399488007", "Midline");
        };
        return new CodeableConcept(coding).setText(laterality.name().toLowerCase());
    }

    private static String siteText(PatientDetails d) {
        String side = d.laterality() == null ? "" : d.laterality().name().toLowerCase();
        String location = d.painLocation() == null ? "" : d.painLocation();
        return (side + " " + location).trim();
    }

    private static Condition indication(Patient chart, BodyStructure painSite) {
        PatientDetails d = chart.details();
        IndicationEntry entry = d.indication();
        Condition condition = new Condition();
        condition.setId(derivedId("indication", chart.id()));
        condition.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "confirmed", "Confirmed")));
        condition.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
        CodeableConcept code = condition.getCode();
        if (entry.icd10() != null) {
            code.addCoding(new Coding(ClinicCodeSystems.ICD_10_CM, entry.icd10(), entry.code().label()));
        }
        code.addCoding(new Coding(ClinicCodeSystems.INDICATION, entry.code().name(), entry.code().label()));
        code.setText(entry.text() == null || entry.text().isBlank() ? entry.code().label() : entry.text());
        condition.setSubject(subject(chart));
        if (painSite != null) {
            CodeableConcept bodySite = condition.addBodySite().setText(painSite.getDescription());
            bodySite.addExtension(BODY_SITE_EXTENSION, new Reference("BodyStructure/" + painSite.getIdPart()));
        }
        if (d.painDurationMonths() != null) {
            // "pain for 18 months" at intake: it began about that many months before the chart was opened
            YearMonth began = YearMonth.from(chart.registeredAt().atZone(ZoneOffset.UTC)).minusMonths(d.painDurationMonths());
            condition.setOnset(new DateTimeType(began.toString()));
        }
        condition.setRecordedDateElement(instant(chart.registeredAt()));
        return condition;
    }

    /** The pain score the front desk took at intake: the baseline every later score is compared with. */
    private static Observation baselinePainScore(Patient chart) {
        Observation score = intakeObservation(chart, "intake-pain");
        score.getCode().addCoding(new Coding(ClinicCodeSystems.LOINC, PAIN_SCORE_LOINC,
                ClinicCodeSystems.LOINC_PAIN_SEVERITY_DISPLAY));
        score.getCode().setText("Baseline pain score at intake (0-10)");
        score.setValue(new IntegerType(chart.details().baselinePainScore()));
        return score;
    }

    /**
     * Opioid use at intake in morphine milligram equivalents a day. MME is milligrams of oral morphine a day, so
     * UCUM {@code mg/d}; the code is the clinic's own (no LOINC code we could cite for an MME daily total).
     */
    private static Observation baselineOpioidUse(Patient chart) {
        Observation use = intakeObservation(chart, "intake-opioids");
        use.getCode().addCoding(new Coding(ClinicCodeSystems.OBSERVATION, OPIOID_MME_CODE,
                "Opioid use, morphine milligram equivalents per day"));
        use.getCode().setText("Opioid use at intake (MME/day)");
        use.setValue(new Quantity().setValue(chart.details().opioidMmePerDay()).setUnit("MME/day")
                .setSystem(ClinicCodeSystems.UCUM).setCode("mg/d"));
        return use;
    }

    /** An instant to the second in UTC ({@code Z}), whatever the server's time zone: the same JSON everywhere. */
    static DateTimeType instant(Instant instant) {
        return new DateTimeType(instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static Observation intakeObservation(Patient chart, String what) {
        Observation observation = new Observation();
        observation.setId(derivedId(what, chart.id()));
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(ClinicCodeSystems.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setSubject(subject(chart));
        observation.setEffective(instant(chart.registeredAt()));
        return observation;
    }
}
