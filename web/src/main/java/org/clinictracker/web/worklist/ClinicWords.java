package org.clinictracker.web.worklist;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The API's codes as the clinic says them, for the coordinator's screens ({@code @clinicWords.text(...)} in a
 * template): {@code CRYONEUROLYSIS} reads "Cryoneurolysis", {@code MONTH_3} "Month 3", a waning-relief code its
 * reason. Codes without a wording of their own read as their words in sentence case, never as raw codes.
 */
@Component("clinicWords")
public class ClinicWords {

    private static final Map<String, String> OWN_WORDING = Map.ofEntries(
            Map.entry("RADIOFREQUENCY_ABLATION", "Radiofrequency ablation (RFA)"),
            Map.entry("RELIEF_BELOW_50_PERCENT", "relief below 50 %"),
            Map.entry("PAIN_REDUCTION_BELOW_50_PERCENT", "pain no longer 50 % below baseline"),
            Map.entry("PAIN_UP_2_FROM_BEST", "pain up 2 points or more from its best"),
            Map.entry("SENSATION_RETURNED_WITH_PAIN", "sensation returned with returning pain"),
            Map.entry("PROMIS_PHYSICAL_FUNCTION", "PROMIS physical function"),
            Map.entry("WOMAC", "WOMAC"),
            Map.entry("ODI", "ODI (Oswestry)"),
            Map.entry("SAFETY_CHECK", "Safety check"),
            Map.entry("CONSULT_BOOKED", "Consult booked"),
            Map.entry("PUBLISHED_RANGE", "published range"),
            Map.entry("CLINIC_RECORD", "the clinic's record"),
            Map.entry("OWN_HISTORY", "the patient's own history"));

    /** A code in words: "SUPEROMEDIAL_GENICULAR" reads "Superomedial genicular"; null reads as nothing. */
    public String text(Object code) {
        if (code == null) {
            return "";
        }
        String value = String.valueOf(code);
        String own = OWN_WORDING.get(value);
        if (own != null) {
            return own;
        }
        String words = value.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Several codes as one phrase: "relief below 50 %, pain up 2 points or more from its best". */
    public String texts(Object codes) {
        if (!(codes instanceof List<?> list)) {
            return "";
        }
        return list.stream().map(this::text).collect(Collectors.joining(", "));
    }

    /** Treated targets as the worklist shows them: "Superomedial genicular (left), Intercostal T4 (right)". */
    public String targets(Object targets) {
        if (!(targets instanceof List<?> list)) {
            return "";
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast).map(target -> {
            String nerve = text(target.get("nerve"));
            Object level = target.get("level");
            String side = text(target.get("laterality")).toLowerCase(Locale.ROOT);
            return nerve + (level == null ? "" : " " + level) + (side.isEmpty() ? "" : " (" + side + ")");
        }).collect(Collectors.joining(", "));
    }

    /** An instant's day ("2026-03-02T10:15:00Z" reads "2026-03-02"): the queue's "since". */
    public String day(Object instant) {
        if (instant == null) {
            return "";
        }
        String value = String.valueOf(instant);
        return value.length() >= 10 ? value.substring(0, 10) : value;
    }
}
