package org.clinictracker.web.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clinictracker.platform.input.StorableText;

/**
 * Checks the patient's form before anything leaves the web app: each answer of the right kind and in range, pain
 * right now given, no text the clinic's record cannot hold. Messages are in the patient's words, by field, so the
 * page shows each beside its question. Only a form without messages becomes {@link PatientAnswers}: bad data never
 * reaches followup-service (which checks again).
 */
final class AnswerFormCheck {

    static final int MAX_COMMENTS = 2000;
    static final int MAX_OTHER_DESCRIPTION = 200;

    private final AnswerForm form;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private AnswerFormCheck(AnswerForm form) {
        this.form = form;
    }

    /** The messages by field (in the page's order), and the answers to send when there are none. */
    record Checked(Map<String, String> errors, PatientAnswers answers) {

        boolean passed() {
            return errors.isEmpty();
        }
    }

    static Checked check(AnswerForm form) {
        return new AnswerFormCheck(form).run();
    }

    private Checked run() {
        Integer painNow = scale("painNow", "Choose how much pain you have right now, from 0 to 10");
        Integer painAverage = scale("painAverage", null);
        Integer enjoymentOfLife = scale("enjoymentOfLife", null);
        Integer generalActivity = scale("generalActivity", null);
        Integer reliefPercent = whole("reliefPercent", 0, 100, "Choose how much relief you have had, from 0 to 100 %");
        Integer satisfaction = whole("satisfaction", 1, 5, "Choose one of the answers");
        Boolean sensationReturned = choice("sensationReturned", AnswerQuestions.SENSATION_RETURNED.keySet(),
                "Choose yes, no or not sure").map(answer -> "not-sure".equals(answer) ? null : "yes".equals(answer))
                .orElse(null);
        PatientAnswers.SideEffects sideEffects = sideEffects();
        String comments = text("comments", MAX_COMMENTS, true);
        for (String field : form.sentTwice()) {
            if (PAGE_ORDER.contains(field)) { // the hidden fields are the page's, not the patient's answers
                errors.put(field, "Choose one answer only");
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(inPageOrder(errors), null);
        }
        return new Checked(Map.of(), new PatientAnswers(form.value("token"), painNow, painAverage, enjoymentOfLife,
                generalActivity, reliefPercent, satisfaction, sensationReturned, sideEffects, comments));
    }

    /**
     * The side effects and the three questions about them. Text in "something else" counts as ticking it. Answers
     * about side effects with none ticked are not dropped: the patient is asked to tick what they noticed (a visit
     * to hospital must not vanish from the record because a box was missed).
     */
    private PatientAnswers.SideEffects sideEffects() {
        List<String> types = new ArrayList<>();
        for (String ticked : form.sideEffects()) {
            if (!AnswerQuestions.SIDE_EFFECTS.containsKey(ticked)) {
                errors.put("sideEffects", "Choose side effects from the list");
                return null;
            }
            types.add(ticked);
        }
        String otherDescription = text("otherDescription", MAX_OTHER_DESCRIPTION, false);
        if (otherDescription != null && !types.contains("OTHER")) {
            types.add("OTHER");
        }
        if (types.contains("OTHER") && otherDescription == null && !errors.containsKey("otherDescription")) {
            errors.put("otherDescription", "Describe the other side effect");
        }
        String worst = choice("worst", AnswerQuestions.WORST.keySet(), "Choose how bad it was").orElse(null);
        Boolean neededMedicalCare = yesNo("neededMedicalCare");
        Boolean stillThere = yesNo("stillThere");
        if (types.isEmpty()) {
            if (worst != null || neededMedicalCare != null || stillThere != null) {
                errors.put("sideEffects", "Tick the side effects you noticed, or leave the questions about them empty");
            }
            return null;
        }
        if (worst == null && !errors.containsKey("worst")) {
            errors.put("worst", "Choose how bad the worst side effect was");
        }
        if (neededMedicalCare == null && !errors.containsKey("neededMedicalCare")) {
            errors.put("neededMedicalCare", "Answer yes or no: did you need to see a doctor or go to hospital?");
        }
        if (stillThere == null && !errors.containsKey("stillThere")) {
            errors.put("stillThere", "Answer yes or no: is it still there?");
        }
        return new PatientAnswers.SideEffects(List.copyOf(types), otherDescription, worst, neededMedicalCare,
                stillThere);
    }

    private Integer scale(String field, String whenMissing) {
        return whole(field, 0, 10, whenMissing == null ? "Choose a number from 0 to 10" : whenMissing, whenMissing);
    }

    private Integer whole(String field, int min, int max, String outOfRange) {
        return whole(field, min, max, outOfRange, null);
    }

    /** A whole number in [min, max]; null when left empty (an error when {@code whenMissing} is given). */
    private Integer whole(String field, int min, int max, String outOfRange, String whenMissing) {
        String value = form.value(field).strip();
        if (value.isEmpty()) {
            if (whenMissing != null) {
                errors.put(field, whenMissing);
            }
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // the same message as out of range: the patient chose something the question does not offer
        }
        errors.put(field, outOfRange);
        return null;
    }

    private Optional<String> choice(String field, java.util.Set<String> offered, String message) {
        String value = form.value(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!offered.contains(value)) {
            errors.put(field, message);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Boolean yesNo(String field) {
        return choice(field, AnswerQuestions.YES_NO.keySet(), "Answer yes or no").map("yes"::equals).orElse(null);
    }

    /** Free text: null when empty; refused when too long or holding what the record cannot store. */
    private String text(String field, int max, boolean multiline) {
        String value = form.value(field);
        if (value.isBlank()) {
            return null;
        }
        // browsers send a textarea's line breaks as CRLF but count each as one character against maxlength
        String text = value.replace("\r\n", "\n").strip();
        if (text.length() > max) {
            errors.put(field, "Write " + max + " characters or fewer (you wrote " + text.length() + ")");
            return null;
        }
        Optional<String> unstorable = StorableText.problem(text, multiline);
        if (unstorable.isPresent()) {
            errors.put(field, multiline
                    ? "Remove the unusual character: this text " + unstorable.get()
                    : "Write it on one line, without unusual characters: it " + unstorable.get());
            return null;
        }
        return text;
    }

    /** Messages by question in the order the page asks them (anything else last), for the error summary. */
    static Map<String, String> inPageOrder(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : PAGE_ORDER) {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        }
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The questions as the page asks them (the error summary lists its messages in this order). */
    static final List<String> PAGE_ORDER = List.of("painNow", "painAverage", "enjoymentOfLife", "generalActivity",
            "reliefPercent", "satisfaction", "sensationReturned", "sideEffects", "otherDescription", "worst",
            "neededMedicalCare", "stillThere", "comments");
}
