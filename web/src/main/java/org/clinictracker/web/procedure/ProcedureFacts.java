package org.clinictracker.web.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * A procedure record's fields that a proceduralist may amend, each under its clinic name with its value in words
 * ("Probe temperature" → "−88 °C"), in reading order. Two versions' facts side by side show what an amendment
 * changed; fields a record leaves out are absent, so a value added or removed shows as changed from or to "—".
 */
public final class ProcedureFacts {

    private ProcedureFacts() {
    }

    public static Map<String, String> of(Map<String, Object> record, Map<String, String> nerveNames, ClinicalTerms terms) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "Performed at", terms.time(record.get("performedAt")));
        put(facts, "Modality", terms.of(record.get("modality")));
        Map<String, Object> indication = map(record.get("indication"));
        put(facts, "Indication", terms.of(indication.get("code")));
        put(facts, "Indication described", text(indication.get("text")));
        put(facts, "Targets", list(record.get("targets")).stream()
                .map(target -> target(target, nerveNames, terms)).collect(Collectors.joining("; ")));
        put(facts, "Imaging guidance", terms.of(record.get("imagingGuidance")));
        Map<String, Object> device = map(record.get("device"));
        put(facts, "Device", text(device.get("model")));
        put(facts, "Gauge", text(device.get("gauge")));
        Map<String, Object> cryo = map(record.get("cryo"));
        put(facts, "Probe temperature", unit(cryo.get("probeTemperatureCelsius"), " °C"));
        put(facts, "Freeze cycles", list(cryo.get("cycles")).stream()
                .map(cycle -> unit(cycle.get("seconds"), " s")).collect(Collectors.joining(", ")));
        put(facts, "Thaw between cycles", unit(cryo.get("thawSeconds"), " s"));
        put(facts, "Ice ball seen on imaging", cryo.containsKey("iceBallVisualized") ? terms.yesNo(cryo.get("iceBallVisualized")) : "");
        Map<String, Object> rfa = map(record.get("rfa"));
        put(facts, "RFA variant", terms.of(rfa.get("variant")));
        put(facts, "Lesion temperature", unit(rfa.get("lesionTemperatureCelsius"), " °C"));
        put(facts, "Seconds per lesion", unit(rfa.get("secondsPerLesion"), " s"));
        put(facts, "Lesions", text(rfa.get("lesionCount")));
        Map<String, Object> block = map(record.get("block"));
        put(facts, "Block purpose", terms.of(block.get("purpose")));
        put(facts, "Agent", text(block.get("agent")));
        put(facts, "Concentration", unit(block.get("concentrationPercent"), " %"));
        put(facts, "Volume", unit(block.get("volumeMl"), " mL"));
        put(facts, "Adjuvant", text(block.get("adjuvant")));
        put(facts, "Local anaesthetic", text(record.get("localAnesthetic")));
        put(facts, "Sedation", text(record.get("sedation")));
        put(facts, "Pain before", unit(record.get("painBefore"), " / 10"));
        put(facts, "Pain after", unit(record.get("painAfter"), " / 10"));
        put(facts, "Notes", text(record.get("notes")));
        return facts;
    }

    /** "Intercostal nerve T4, right (text)". */
    public static String target(Map<String, Object> target, Map<String, String> nerveNames, ClinicalTerms terms) {
        String nerve = String.valueOf(target.get("nerve"));
        StringBuilder words = new StringBuilder(nerveNames.getOrDefault(nerve, terms.of(nerve)));
        if (target.get("level") != null) {
            words.append(' ').append(target.get("level"));
        }
        if (target.get("laterality") != null) {
            words.append(", ").append(terms.of(target.get("laterality")).toLowerCase(java.util.Locale.ROOT));
        }
        if (target.get("description") != null) {
            words.append(" (").append(target.get("description")).append(')');
        }
        return words.toString();
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String unit(Object value, String unit) {
        return value == null ? "" : value + unit;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList()
                : List.of();
    }
}
