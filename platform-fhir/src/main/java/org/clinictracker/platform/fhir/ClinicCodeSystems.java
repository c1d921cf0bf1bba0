package org.clinictracker.platform.fhir;

/**
 * The code systems the clinic's FHIR resources use. Standard ones where a standard fits; the clinic's own
 * catalogues (nerves, modalities, adverse-event types) under one local namespace, which validators report as
 * unknown (a warning, never an error).
 */
public final class ClinicCodeSystems {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    /** ICD-10-CM, not WHO ICD-10: the indication catalogue's codes (G89.28, M54.81) exist only in the US edition. */
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** LOINC 72514-3, the 0-10 numeric pain score: at intake, before a procedure and at every follow-up visit. */
    public static final String LOINC_PAIN_SEVERITY = "72514-3";
    public static final String LOINC_PAIN_SEVERITY_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

    /** The clinic's own catalogues: {@code <LOCAL>/nerve}, {@code <LOCAL>/modality}, ... */
    public static final String LOCAL = "https://clinic-tracker.org/fhir/CodeSystem";
    public static final String NERVE = LOCAL + "/nerve";
    public static final String MODALITY = LOCAL + "/modality";
    public static final String ADVERSE_EVENT_TYPE = LOCAL + "/adverse-event-type";
    public static final String INDICATION = LOCAL + "/indication";
    public static final String OBSERVATION = LOCAL + "/observation";

    /** The identifier system of the clinic's medical record numbers. */
    public static final String MRN = "https://clinic-tracker.org/fhir/NamingSystem/mrn";

    private ClinicCodeSystems() {
    }
}
