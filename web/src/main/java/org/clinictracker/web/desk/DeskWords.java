package org.clinictracker.web.desk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The API's codes in the clinic's words, for the front desk's screens ({@code ${@deskWords.sex(code)}} in a
 * template) and the choices their forms offer, in the order a clerk expects them. A code the web app does not know
 * yet is shown as it is rather than hidden.
 */
@Component("deskWords")
public class DeskWords {

    static final Map<String, String> SEX = ordered(
            "FEMALE", "Female",
            "MALE", "Male",
            "OTHER", "Other",
            "UNKNOWN", "Unknown");

    static final Map<String, String> LATERALITY = ordered(
            "LEFT", "Left",
            "RIGHT", "Right",
            "BILATERAL", "Both sides",
            "MIDLINE", "Midline");

    static final Map<String, String> INDICATIONS = ordered(
            "KNEE_OSTEOARTHRITIS", "Knee osteoarthritis (M17)",
            "POST_MASTECTOMY_PAIN", "Post-mastectomy pain (G89.28)",
            "INTERCOSTAL_NEURALGIA", "Intercostal neuralgia (G58.0)",
            "TRIGEMINAL_NEURALGIA", "Trigeminal neuralgia (G50.0)",
            "CHRONIC_POSTOPERATIVE_PAIN", "Chronic postoperative pain after thoracic or orthopaedic surgery (G89.28)",
            "LOW_BACK_FACET_PAIN", "Low-back / facet pain (M54.5)",
            "OCCIPITAL_NEURALGIA", "Occipital neuralgia (M54.81)",
            "PERIPHERAL_NEUROPATHY", "Peripheral neuropathy (G62.9)",
            "PHANTOM_LIMB_PAIN", "Phantom limb pain (G54.6)",
            "OTHER", "Other (describe it)");

    /** The "4 P's" of a multimodal pain plan, each with the therapies intake records under it. */
    static final Map<String, Map<String, String>> THERAPIES_BY_PILLAR = new LinkedHashMap<>();

    static {
        THERAPIES_BY_PILLAR.put("Physical", ordered(
                "EXERCISE", "Exercise",
                "PHYSICAL_THERAPY", "Physical therapy",
                "GAIT_TRAINING", "Gait training"));
        THERAPIES_BY_PILLAR.put("Psychological", ordered(
                "COGNITIVE_BEHAVIOURAL_THERAPY", "Cognitive behavioural therapy",
                "MINDFULNESS", "Mindfulness"));
        THERAPIES_BY_PILLAR.put("Pharmacological", ordered(
                "NSAID", "NSAIDs",
                "ACETAMINOPHEN", "Acetaminophen (paracetamol)",
                "OPIOID", "Opioids",
                "GABAPENTINOID", "Gabapentinoids",
                "ANTIDEPRESSANT", "Antidepressants",
                "TOPICAL_AGENT", "Topical agents"));
        THERAPIES_BY_PILLAR.put("Procedural", ordered(
                "NERVE_BLOCK", "Nerve blocks",
                "RADIOFREQUENCY_ABLATION", "Radiofrequency ablation",
                "CRYONEUROLYSIS", "Cryoneurolysis",
                "STEROID_INJECTION", "Steroid injections"));
    }

    static final Map<String, String> MODALITIES = ordered(
            "CRYONEUROLYSIS", "Cryoneurolysis",
            "RADIOFREQUENCY_ABLATION", "Radiofrequency ablation",
            "NERVE_BLOCK", "Nerve block");

    static final Map<String, String> SCREENING_RESULTS = ordered(
            "ELIGIBLE", "Eligible",
            "NOT_ELIGIBLE", "Not eligible",
            "NEEDS_REVIEW", "Needs review");

    static final Map<String, String> YES_NO = ordered("true", "Yes", "false", "No");

    /** A form's list of choices by name (a select field names its list; templates may not pass beans to fragments). */
    public Map<String, String> choices(String list) {
        return switch (list) {
            case "sex" -> SEX;
            case "laterality" -> LATERALITY;
            case "indication" -> INDICATIONS;
            case "modality" -> MODALITIES;
            case "yesNo" -> YES_NO;
            default -> throw new IllegalArgumentException("no list of choices named " + list);
        };
    }

    public Map<String, Map<String, String>> therapiesByPillar() {
        return THERAPIES_BY_PILLAR;
    }

    public String sex(Object code) {
        return word(SEX, code);
    }

    public String laterality(Object code) {
        return word(LATERALITY, code);
    }

    public String indication(Object code) {
        return word(INDICATIONS, code);
    }

    public String modality(Object code) {
        return word(MODALITIES, code);
    }

    public String screeningResult(Object code) {
        return word(SCREENING_RESULTS, code);
    }

    public String therapy(Object code) {
        return therapyName(code);
    }

    static String therapyName(Object code) {
        for (Map<String, String> therapies : THERAPIES_BY_PILLAR.values()) {
            if (code != null && therapies.containsKey(String.valueOf(code))) {
                return therapies.get(String.valueOf(code));
            }
        }
        return code == null ? "" : String.valueOf(code);
    }

    /** The badge a screening result wears: its meaning is in its words, the colour only repeats it. */
    public String screeningBadge(Object code) {
        if (code == null) {
            return "badge";
        }
        return switch (String.valueOf(code)) {
            case "ELIGIBLE" -> "badge badge-ok";
            case "NOT_ELIGIBLE" -> "badge badge-error";
            default -> "badge badge-warn";
        };
    }

    private static String word(Map<String, String> words, Object code) {
        if (code == null) {
            return "";
        }
        return words.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    private static Map<String, String> ordered(String... codesAndWords) {
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 0; i < codesAndWords.length; i += 2) {
            words.put(codesAndWords[i], codesAndWords[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(words);
    }
}
