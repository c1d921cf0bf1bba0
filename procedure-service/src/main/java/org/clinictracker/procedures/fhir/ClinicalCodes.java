package org.clinictracker.procedures.fhir;

import java.util.Locale;

import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.procedures.catalogue.TargetNerve;
import org.clinictracker.procedures.procedure.TargetSite;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.IndicationEntry;
import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.Modality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * How the clinic's vocabulary reads in FHIR: a standard code where one fits and could be checked, always the clinic's
 * own code beside it (receivers that know the clinic map from it), and a text a physician reads.
 */
final class ClinicalCodes {

    /** The clinic's code system for how a procedure was guided (no R4 element or standard code system fits). */
    static final String IMAGING_GUIDANCE = ClinicCodeSystems.LOCAL + "/imaging-guidance";

    private ClinicalCodes() {
    }

    /**
     * The procedure. SNOMED CT where a concept was found and checked: 879916008 |Radiofrequency ablation| (DICOM's
     * CID 4409 uses it) and 56333001 |Nerve block (procedure)| (SNOMED's anaesthesia reference group). No concept
     * for cryoneurolysis could be confirmed offline, so it carries the clinic's code and text only rather than a
     * guessed code (a wrong SNOMED code is worse than none: receivers would file the case under something else).
     */
    static CodeableConcept modality(Modality modality, String detail) {
        CodeableConcept code = new CodeableConcept();
        switch (modality) {
            case RADIOFREQUENCY_ABLATION -> code.addCoding(snomed("879916008", "Radiofrequency ablation"));
            case NERVE_BLOCK -> code.addCoding(snomed("56333001", "Nerve block"));
            case CRYONEUROLYSIS -> { }
        }
        code.addCoding(new Coding(ClinicCodeSystems.MODALITY, modality.name(), modalityName(modality)));
        return code.setText(detail == null ? modalityName(modality) : modalityName(modality) + " (" + detail + ")");
    }

    static String modalityName(Modality modality) {
        return switch (modality) {
            case CRYONEUROLYSIS -> "Cryoneurolysis";
            case RADIOFREQUENCY_ABLATION -> "Radiofrequency ablation";
            case NERVE_BLOCK -> "Nerve block";
        };
    }

    /** The indication: ICD-10 where the catalogue has one, the clinic's code, and the clinician's text if any. */
    static CodeableConcept indication(IndicationEntry indication) {
        CodeableConcept reason = new CodeableConcept();
        if (indication.icd10() != null) {
            reason.addCoding(new Coding(ClinicCodeSystems.ICD_10_CM, indication.icd10(), indication.code().label()));
        }
        reason.addCoding(new Coding(ClinicCodeSystems.INDICATION, indication.code().name(), indication.code().label()));
        boolean hasText = indication.text() != null && !indication.text().isBlank();
        return reason.setText(hasText ? indication.code().label() + ": " + indication.text() : indication.code().label());
    }

    /** One treated nerve as a body site: the catalogue code and "Left superolateral genicular nerve". */
    static CodeableConcept nerveSite(TargetSite target) {
        CodeableConcept site = new CodeableConcept();
        site.addCoding(new Coding(ClinicCodeSystems.NERVE, target.nerve(), nerveName(target)));
        return site.setText(siteText(target));
    }

    static String siteText(TargetSite target) {
        String text = side(target.laterality()) + " " + startLowerCase(nerveName(target));
        return target.level() == null || target.level().isBlank() ? text : text + ", " + target.level();
    }

    private static String nerveName(TargetSite target) {
        if (TargetNerve.OTHER.name().equals(target.nerve()) && target.description() != null
                && !target.description().isBlank()) {
            return target.description();
        }
        return TargetNerve.byCode(target.nerve()).map(TargetNerve::displayName).orElse(target.nerve());
    }

    static String side(Laterality laterality) {
        return switch (laterality) {
            case LEFT -> "Left";
            case RIGHT -> "Right";
            case BILATERAL -> "Bilateral";
            case MIDLINE -> "Midline";
        };
    }

    /** "Superolateral genicular nerve" reads "superolateral genicular nerve" after a side; "L5 dorsal ramus" stays. */
    private static String startLowerCase(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
            return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
        }
        return name;
    }

    /** A complication: the clinic's adverse-event type, and its description where the clinician gave one. */
    static CodeableConcept adverseEventType(AdverseEventType type, String description) {
        CodeableConcept code = new CodeableConcept();
        code.addCoding(new Coding(ClinicCodeSystems.ADVERSE_EVENT_TYPE, type.name(), typeName(type)));
        boolean described = description != null && !description.isBlank();
        return code.setText(described ? typeName(type) + ": " + description : typeName(type));
    }

    static String typeName(AdverseEventType type) {
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static Coding snomed(String code, String display) {
        return new Coding(ClinicCodeSystems.SNOMED, code, display);
    }
}
