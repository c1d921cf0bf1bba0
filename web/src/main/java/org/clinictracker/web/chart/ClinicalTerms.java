package org.clinictracker.web.chart;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The API's codes in the clinic's words, for templates ({@code ${@clinicalTerms.of(procedure.modality)}}): a person
 * reads "Cryoneurolysis", never {@code CRYONEUROLYSIS}. Most codes read well with the underscores as spaces; the
 * few that do not are spelled out here.
 */
@Component("clinicalTerms")
public class ClinicalTerms {

    private static final Map<String, String> SPELLED_OUT = Map.ofEntries(
            Map.entry("CT", "CT"),
            Map.entry("LANDMARK", "Landmark (no imaging)"),
            Map.entry("NSAID", "NSAID"),
            Map.entry("COGNITIVE_BEHAVIOURAL_THERAPY", "Cognitive behavioural therapy"),
            Map.entry("LOW_BACK_FACET_PAIN", "Low-back / facet pain"),
            Map.entry("POST_MASTECTOMY_PAIN", "Post-mastectomy pain"),
            Map.entry("SKIN_DISCOLORATION", "Skin discoloration / pigment change"),
            Map.entry("POST_PROCEDURE_HYPERALGESIA", "Post-procedure hyperalgesia"),
            Map.entry("RESOLVED_WITH_SEQUELAE", "Resolved with lasting effects"),
            Map.entry("NEEDS_REVIEW", "Needs a proceduralist's review"),
            Map.entry("FOLLOW_UP", "Follow-up visit"));

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A code in words ("RESOLVED_WITH_SEQUELAE" → "Resolved with lasting effects"); null → "". */
    public String of(Object code) {
        if (code == null) {
            return "";
        }
        String text = String.valueOf(code);
        String spelled = SPELLED_OUT.get(text);
        if (spelled != null) {
            return spelled;
        }
        if (!text.matches("[A-Z0-9_]+")) {
            return text; // not a code: already words
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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

    /** The date part of an instant ("2026-11-20"). */
    public String day(Object instant) {
        String time = time(instant);
        return time.length() >= 10 ? time.substring(0, 10) : time;
    }

    /** A yes/no answer in words; unanswered reads "not recorded". */
    public String yesNo(Object answer) {
        if (answer == null) {
            return "Not recorded";
        }
        return Boolean.parseBoolean(String.valueOf(answer)) ? "Yes" : "No";
    }
}
