package org.clinictracker.web.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer form as the patient's browser sent it, every value kept as typed so a refused form comes back with the
 * patient's answers in place. Read from the request's parameters by hand rather than bound: a binder quietly takes
 * the first of two values for one radio group, and the page must notice that instead.
 */
public final class AnswerForm {

    /** The fields that hold one value each (the side-effect checkboxes are the one list). */
    static final List<String> SINGLE_FIELDS = List.of("token", "visitDate", "painNow", "painAverage",
            "enjoymentOfLife", "generalActivity", "reliefPercent", "satisfaction", "sensationReturned",
            "otherDescription", "worst", "neededMedicalCare", "stillThere", "comments");
    static final String SIDE_EFFECTS = "sideEffects";

    private final Map<String, String> values;
    private final List<String> sideEffects;
    private final Set<String> sentTwice;

    private AnswerForm(Map<String, String> values, List<String> sideEffects, Set<String> sentTwice) {
        this.values = values;
        this.sideEffects = sideEffects;
        this.sentTwice = sentTwice;
    }

    static AnswerForm read(Map<String, String[]> parameters) {
        Map<String, String> values = new HashMap<>();
        Set<String> sentTwice = new LinkedHashSet<>();
        for (String field : SINGLE_FIELDS) {
            String[] sent = parameters.get(field);
            if (sent != null && sent.length > 0) {
                values.put(field, sent[0]);
                if (sent.length > 1) {
                    sentTwice.add(field);
                }
            }
        }
        String[] ticked = parameters.get(SIDE_EFFECTS);
        List<String> sideEffects = ticked == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(ticked)));
        return new AnswerForm(values, sideEffects, sentTwice);
    }

    /** A new form for a link just opened: only who it is for. */
    static AnswerForm opened(String token, LinkOpened link) {
        Map<String, String> values = new HashMap<>();
        values.put("token", token);
        values.put("visitDate", link.visitDate() == null ? null : link.visitDate().toString());
        return new AnswerForm(values, List.of(), Set.of());
    }

    /** The value as sent, "" when the field was not sent. */
    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    boolean isBlank(String field) {
        return value(field).isBlank();
    }

    /** For a radio or checkbox: was this value chosen? */
    public boolean isChosen(String field, String choice) {
        return SIDE_EFFECTS.equals(field) ? sideEffects.contains(choice) : value(field).equals(choice);
    }

    List<String> sideEffects() {
        return new ArrayList<>(sideEffects);
    }

    Set<String> sentTwice() {
        return sentTwice;
    }
}
