package org.clinictracker.web.recording;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The clinic's words for the codes the procedure form offers (domain.md): a person reads "Radiofrequency ablation",
 * never {@code RADIOFREQUENCY_ABLATION}. Each map keeps the order the choices are offered in.
 */
public final class Words {

    public static final Map<String, String> MODALITIES = ordered(
            "CRYONEUROLYSIS", "Cryoneurolysis",
            "RADIOFREQUENCY_ABLATION", "Radiofrequency ablation",
            "NERVE_BLOCK", "Nerve block");
    public static final Map<String, String> INDICATIONS = ordered(
            "KNEE_OSTEOARTHRITIS", "Knee osteoarthritis (M17)",
            "POST_MASTECTOMY_PAIN", "Post-mastectomy pain",
            "INTERCOSTAL_NEURALGIA", "Intercostal neuralgia (G58.0)",
            "TRIGEMINAL_NEURALGIA", "Trigeminal neuralgia (G50.0)",
            "CHRONIC_POSTOPERATIVE_PAIN", "Chronic postoperative pain (G89.28)",
            "LOW_BACK_FACET_PAIN", "Low-back / facet pain (M54.5)",
            "OCCIPITAL_NEURALGIA", "Occipital neuralgia (M54.81)",
            "PERIPHERAL_NEUROPATHY", "Peripheral neuropathy",
            "PHANTOM_LIMB_PAIN", "Phantom limb pain",
            "OTHER", "Other (describe it)");
    public static final Map<String, String> LATERALITIES = ordered(
            "LEFT", "Left", "RIGHT", "Right", "BILATERAL", "Bilateral", "MIDLINE", "Midline");
    public static final Map<String, String> IMAGING = ordered(
            "ULTRASOUND", "Ultrasound", "FLUOROSCOPY", "Fluoroscopy", "CT", "CT", "LANDMARK", "Landmark (no imaging)");
    public static final Map<String, String> RFA_VARIANTS = ordered(
            "CONVENTIONAL", "Conventional", "COOLED", "Cooled", "PULSED", "Pulsed");
    public static final Map<String, String> BLOCK_PURPOSES = ordered(
            "DIAGNOSTIC", "Diagnostic", "THERAPEUTIC", "Therapeutic");
    public static final Map<String, String> ADVERSE_EVENTS = ordered(
            "BRUISING", "Bruising",
            "TEMPORARY_NUMBNESS", "Temporary numbness",
            "SORENESS", "Soreness",
            "SWELLING", "Swelling",
            "SKIN_DIMPLING", "Skin dimpling",
            "SKIN_DISCOLORATION", "Skin discoloration / pigment change",
            "PROLONGED_NUMBNESS", "Prolonged numbness",
            "MOTOR_WEAKNESS", "Motor weakness",
            "BLEEDING", "Bleeding",
            "SUPERFICIAL_INFECTION", "Superficial infection",
            "NEUROMA", "Neuroma",
            "POST_PROCEDURE_HYPERALGESIA", "Post-procedure hyperalgesia",
            "PERMANENT_NERVE_INJURY", "Permanent nerve injury",
            "OTHER", "Other (describe it)");
    public static final Map<String, String> SEVERITIES = ordered(
            "MILD", "Mild", "MODERATE", "Moderate", "SEVERE", "Severe");
    public static final Map<String, String> OUTCOMES = ordered(
            "RESOLVED", "Resolved", "RESOLVING", "Resolving", "ONGOING", "Ongoing",
            "RESOLVED_WITH_SEQUELAE", "Resolved with sequelae");

    /** For templates: {@code ${words.modalities()}}. */
    public static final Words WORDS = new Words();

    private Words() {
    }

    public Map<String, String> modalities() {
        return MODALITIES;
    }

    public Map<String, String> indications() {
        return INDICATIONS;
    }

    public Map<String, String> lateralities() {
        return LATERALITIES;
    }

    public Map<String, String> imaging() {
        return IMAGING;
    }

    public Map<String, String> rfaVariants() {
        return RFA_VARIANTS;
    }

    public Map<String, String> blockPurposes() {
        return BLOCK_PURPOSES;
    }

    public Map<String, String> adverseEvents() {
        return ADVERSE_EVENTS;
    }

    public Map<String, String> severities() {
        return SEVERITIES;
    }

    public Map<String, String> outcomes() {
        return OUTCOMES;
    }

    /** A code the form has no word for, readable anyway: {@code HEAD_AND_FACE} → "Head and face". */
    public static String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, String> ordered(String... codesAndWords) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndWords.length; i += 2) {
            map.put(codesAndWords[i], codesAndWords[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
