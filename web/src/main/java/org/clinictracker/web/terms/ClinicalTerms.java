package org.clinictracker.web.terms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The API's codes in the clinic's words, for every screen ({@code ${@terms.of(procedure.modality)}} in a template):
 * a person reads "Cryoneurolysis", never {@code CRYONEUROLYSIS}. Most codes read well with the underscores as spaces;
 * the ones that do not are spelled out here once. Also the lists of choices the forms offer, in the order a clinician
 * expects them, and the general ways of saying things (a list of codes, treated targets, a day, yes/no).
 */
@Component("terms")
public class ClinicalTerms {

    private static final Map<String, String> SPELLED_OUT = Map.ofEntries(
            // modalities, imaging
            Map.entry("RADIOFREQUENCY_ABLATION", "Radiofrequency ablation (RFA)"),
            Map.entry("CT", "CT"),
            Map.entry("LANDMARK", "Landmark (no imaging)"),
            // indications (a record carries its ICD-10 code apart: the chart shows it after these words)
            Map.entry("POST_MASTECTOMY_PAIN", "Post-mastectomy pain"),
            Map.entry("LOW_BACK_FACET_PAIN", "Low-back / facet pain"),
            // therapies at intake
            Map.entry("COGNITIVE_BEHAVIOURAL_THERAPY", "Cognitive behavioural therapy"),
            Map.entry("NSAID", "NSAIDs"),
            Map.entry("ACETAMINOPHEN", "Acetaminophen (paracetamol)"),
            Map.entry("OPIOID", "Opioids"),
            Map.entry("GABAPENTINOID", "Gabapentinoids"),
            Map.entry("ANTIDEPRESSANT", "Antidepressants"),
            Map.entry("TOPICAL_AGENT", "Topical agents"),
            Map.entry("STEROID_INJECTION", "Steroid injections"),
            // screening
            Map.entry("NEEDS_REVIEW", "Needs a proceduralist's review"),
            // adverse events
            Map.entry("SKIN_DISCOLORATION", "Skin discoloration / pigment change"),
            Map.entry("POST_PROCEDURE_HYPERALGESIA", "Post-procedure hyperalgesia"),
            Map.entry("RESOLVED_WITH_SEQUELAE", "Resolved with sequelae (lasting effects)"),
            // follow-up: visits, function questionnaires, waning relief (mid-sentence, hence lower case)
            Map.entry("FOLLOW_UP", "Follow-up visit"),
            Map.entry("SAFETY_CHECK", "Safety check"),
            Map.entry("PROMIS_PHYSICAL_FUNCTION", "PROMIS physical function"),
            Map.entry("WOMAC", "WOMAC"),
            Map.entry("ODI", "ODI (Oswestry)"),
            Map.entry("PEG", "PEG (pain, enjoyment, activity)"),
            Map.entry("RELIEF_BELOW_50_PERCENT", "relief below 50 %"),
            Map.entry("PAIN_REDUCTION_BELOW_50_PERCENT", "pain no longer 50 % below baseline"),
            Map.entry("PAIN_UP_2_FROM_BEST", "pain up 2 points or more from its best"),
            Map.entry("SENSATION_RETURNED_WITH_PAIN", "sensation returned with returning pain"),
            // repeat treatment, expected end of relief
            Map.entry("CONSULT_BOOKED", "Consult booked"),
            Map.entry("PUBLISHED_RANGE", "published range"),
            Map.entry("CLINIC_RECORD", "the clinic's record"),
            Map.entry("OWN_HISTORY", "the patient's own history"));

    private static final String OTHER_DESCRIBED = "Other (describe it)";

    /** When choosing an indication, its ICD-10 code helps match the referral letter. */
    private static final Map<String, String> INDICATION_CHOICES = ordered(
            "KNEE_OSTEOARTHRITIS", "Knee osteoarthritis (M17)",
            "POST_MASTECTOMY_PAIN", "Post-mastectomy pain (G89.28)",
            "INTERCOSTAL_NEURALGIA", "Intercostal neuralgia (G58.0)",
            "TRIGEMINAL_NEURALGIA", "Trigeminal neuralgia (G50.0)",
            "CHRONIC_POSTOPERATIVE_PAIN", "Chronic postoperative pain after thoracic or orthopaedic surgery (G89.28)",
            "LOW_BACK_FACET_PAIN", "Low-back / facet pain (M54.5)",
            "OCCIPITAL_NEURALGIA", "Occipital neuralgia (M54.81)",
            "PERIPHERAL_NEUROPATHY", "Peripheral neuropathy (G62.9)",
            "PHANTOM_LIMB_PAIN", "Phantom limb pain (G54.6)",
            "OTHER", OTHER_DESCRIBED);

    /** The lists a form offers, by name (a fragment names its list; templates may not pass beans to fragments). */
    private static final Map<String, Map<String, String>> CHOICES = Map.ofEntries(
            Map.entry("sex", choices("FEMALE", "MALE", "OTHER", "UNKNOWN")),
            Map.entry("laterality", choices("LEFT", "RIGHT", "BILATERAL", "MIDLINE")),
            Map.entry("modality", choices("CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK")),
            Map.entry("indication", INDICATION_CHOICES),
            Map.entry("imaging", choices("ULTRASOUND", "FLUOROSCOPY", "CT", "LANDMARK")),
            Map.entry("rfaVariant", choices("CONVENTIONAL", "COOLED", "PULSED")),
            Map.entry("blockPurpose", choices("DIAGNOSTIC", "THERAPEUTIC")),
            Map.entry("adverseEventType", otherDescribed(choices("BRUISING", "TEMPORARY_NUMBNESS", "SORENESS",
                    "SWELLING", "SKIN_DIMPLING", "SKIN_DISCOLORATION", "PROLONGED_NUMBNESS", "MOTOR_WEAKNESS",
                    "BLEEDING", "SUPERFICIAL_INFECTION", "NEUROMA", "POST_PROCEDURE_HYPERALGESIA",
                    "PERMANENT_NERVE_INJURY", "OTHER"))),
            Map.entry("severity", choices("MILD", "MODERATE", "SEVERE")),
            Map.entry("adverseEventOutcome", choices("ONGOING", "RESOLVING", "RESOLVED", "RESOLVED_WITH_SEQUELAE")),
            Map.entry("functionInstrument", ordered("WOMAC", "WOMAC (knee, 0–96)", "ODI", "ODI, Oswestry (back, 0–100)",
                    "PROMIS_PHYSICAL_FUNCTION", "PROMIS physical function (T-score 10–90)",
                    "PEG", "PEG: pain, enjoyment, activity (mean, 0–10)")),
            Map.entry("satisfaction", ordered("1", "1 (very dissatisfied)", "2", "2", "3", "3", "4", "4",
                    "5", "5 (very satisfied)")),
            Map.entry("yesNo", ordered("true", "Yes", "false", "No")));

    /**
     * The "4 P's" of a multimodal pain plan, each with the therapies intake records under it. The procedural pillar
     * names treatments in general ("Nerve blocks"), so its words are its own, not the modality's.
     */
    private static final Map<String, Map<String, String>> THERAPIES_BY_PILLAR = therapiesByPillarInOrder();

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A code in words ("RESOLVED_WITH_SEQUELAE" → "Resolved with sequelae (lasting effects)"); null → "". */
    public String of(Object code) {
        return inWords(code);
    }

    /** {@link #of} for code that has no bean at hand (a record's accessor, a static factory). */
    public static String inWords(Object code) {
        if (code == null) {
            return "";
        }
        String text = String.valueOf(code).trim();
        String spelled = SPELLED_OUT.get(text);
        if (spelled != null) {
            return spelled;
        }
        if (!text.matches("[A-Z0-9_]+")) {
            return text; // not a code: already words (or empty)
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Several codes as one phrase: "relief below 50 %, pain up 2 points or more from its best"; not a list → "". */
    public String phrase(Object codes) {
        if (!(codes instanceof List<?> list)) {
            return "";
        }
        return list.stream().map(this::of).collect(Collectors.joining(", "));
    }

    /** Treated targets as a list shows them: "Superomedial genicular (left), Intercostal T4 (right)". */
    public String targets(Object targets) {
        if (!(targets instanceof List<?> list)) {
            return "";
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast).map(target -> {
            String nerve = of(target.get("nerve"));
            Object level = target.get("level");
            String side = of(target.get("laterality")).toLowerCase(Locale.ROOT);
            return nerve + (level == null ? "" : " " + level) + (side.isEmpty() ? "" : " (" + side + ")");
        }).collect(Collectors.joining(", "));
    }

    /** An instant as the API gives it ("2026-11-20T09:30:00Z") to the minute: "2026-11-20 09:30 UTC". */
    public String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return MINUTES.format(Instant.parse(String.valueOf(instant)));
        } catch (DateTimeParseException notAnInstant) {
            return String.valueOf(instant);
        }
    }

    /** The day of an instant ("2026-03-02T10:15:00Z" reads "2026-03-02"); a date stays itself. */
    public String day(Object instant) {
        String time = time(instant);
        return time.length() >= 10 ? time.substring(0, 10) : time;
    }

    /** A yes/no answer in words; unanswered reads "Not recorded". */
    public String yesNo(Object answer) {
        if (answer == null) {
            return "Not recorded";
        }
        return Boolean.parseBoolean(String.valueOf(answer)) ? "Yes" : "No";
    }

    /** A form's list of choices by name (code → words, in the order offered): {@code @terms.choices('modality')}. */
    public Map<String, String> choices(String list) {
        Map<String, String> choices = CHOICES.get(list);
        if (choices == null) {
            throw new IllegalArgumentException("no list of choices named " + list);
        }
        return choices;
    }

    public Map<String, Map<String, String>> therapiesByPillar() {
        return THERAPIES_BY_PILLAR;
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

    private static Map<String, String> choices(String... codes) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String code : codes) {
            words.put(code, inWords(code));
        }
        return Collections.unmodifiableMap(words);
    }

    /** In a form, "Other" asks for a description, and says so. */
    private static Map<String, String> otherDescribed(Map<String, String> choices) {
        Map<String, String> words = new LinkedHashMap<>(choices);
        words.replace("OTHER", OTHER_DESCRIBED);
        return Collections.unmodifiableMap(words);
    }

    private static Map<String, String> ordered(String... codesAndWords) {
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 0; i < codesAndWords.length; i += 2) {
            words.put(codesAndWords[i], codesAndWords[i + 1]);
        }
        return Collections.unmodifiableMap(words);
    }

    private static Map<String, Map<String, String>> therapiesByPillarInOrder() {
        Map<String, Map<String, String>> pillars = new LinkedHashMap<>();
        pillars.put("Physical", choices("EXERCISE", "PHYSICAL_THERAPY", "GAIT_TRAINING"));
        pillars.put("Psychological", choices("COGNITIVE_BEHAVIOURAL_THERAPY", "MINDFULNESS"));
        pillars.put("Pharmacological", choices("NSAID", "ACETAMINOPHEN", "OPIOID", "GABAPENTINOID", "ANTIDEPRESSANT",
                "TOPICAL_AGENT"));
        Map<String, String> procedural = new LinkedHashMap<>();
        procedural.put("NERVE_BLOCK", "Nerve blocks");
        procedural.put("RADIOFREQUENCY_ABLATION", "Radiofrequency ablation");
        procedural.put("CRYONEUROLYSIS", "Cryoneurolysis");
        procedural.put("STEROID_INJECTION", "Steroid injections");
        pillars.put("Procedural", Collections.unmodifiableMap(procedural));
        return Collections.unmodifiableMap(pillars);
    }
}
