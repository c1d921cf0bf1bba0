package org.clinictracker.web.answer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * The choices the patient's questions offer, in the patient's words ({@code ${@answerQuestions.sideEffects()}} in the
 * page). The pain items are the PEG scale's (Krebs EE et al., J Gen Intern Med 2009;24:733–8, free to use); the side
 * effects are the clinic's adverse-event list ({@code AdverseEventType}) said as a patient would notice them.
 */
@Component("answerQuestions")
public class AnswerQuestions {

    /** {@code AdverseEventType} name → what a patient would call it. */
    static final Map<String, String> SIDE_EFFECTS = ordered(
            "SORENESS", "Soreness where the needle went in",
            "BRUISING", "Bruising",
            "SWELLING", "Swelling where you were treated",
            "BLEEDING", "Bleeding where the needle went in",
            "TEMPORARY_NUMBNESS", "Numbness that lasted a few days or less",
            "PROLONGED_NUMBNESS", "Numbness that has lasted weeks",
            "MOTOR_WEAKNESS", "Weakness in the muscles",
            "SKIN_DIMPLING", "A dent or dimple in the skin",
            "SKIN_DISCOLORATION", "The skin changed colour where you were treated",
            "SUPERFICIAL_INFECTION", "Redness, warmth or pus where the needle went in",
            "NEUROMA", "A small painful lump under the skin where you were treated",
            "POST_PROCEDURE_HYPERALGESIA", "Pain that got worse, or skin more sensitive to touch, after the treatment",
            "PERMANENT_NERVE_INJURY", "Numbness or weakness that has not got any better for months",
            "OTHER", "Something else");

    static final Map<String, String> SATISFACTION = ordered(
            "1", "Very dissatisfied",
            "2", "Dissatisfied",
            "3", "Neither satisfied nor dissatisfied",
            "4", "Satisfied",
            "5", "Very satisfied");

    static final Map<String, String> WORST = ordered(
            "MILD", "Mild: I noticed it, but it did not get in the way",
            "MODERATE", "Moderate: it got in the way of what I do",
            "SEVERE", "Severe: I could not do what I usually do");

    static final Map<String, String> SENSATION_RETURNED = ordered("yes", "Yes", "no", "No", "not-sure", "Not sure");

    static final Map<String, String> YES_NO = ordered("yes", "Yes", "no", "No");

    /** 0 to 10, the points of each pain scale. */
    public List<Integer> scale() {
        return IntStream.rangeClosed(0, 10).boxed().toList();
    }

    /** 0 to 100 % relief in steps of ten. */
    public List<Integer> reliefSteps() {
        return IntStream.rangeClosed(0, 10).map(step -> step * 10).boxed().toList();
    }

    /** One of the lists of answers in words, by name: {@code satisfaction}, {@code sensationReturned}, {@code worst}, {@code yesNo}. */
    public Map<String, String> choices(String list) {
        return switch (list) {
            case "satisfaction" -> SATISFACTION;
            case "sensationReturned" -> SENSATION_RETURNED;
            case "worst" -> WORST;
            case "yesNo" -> YES_NO;
            default -> throw new IllegalArgumentException("no list of answers named " + list);
        };
    }

    public Map<String, String> sideEffects() {
        return SIDE_EFFECTS;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
