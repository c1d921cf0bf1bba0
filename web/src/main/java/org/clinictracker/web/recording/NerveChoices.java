package org.clinictracker.web.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * The nerve catalogue as the target picker offers it ({@code GET /api/procedures/catalogue/nerves}): nerves grouped
 * by body region in the catalogue's order, and for each code the spinal levels it needs (none for most nerves).
 */
public record NerveChoices(List<Region> regions, Map<String, List<String>> levels) {

    /** A group of the picker (an optgroup): the region's name as the clinic says it, its nerves. */
    public record Region(String label, List<Nerve> nerves) {
    }

    public record Nerve(String code, String name) {
    }

    @SuppressWarnings("unchecked")
    public static NerveChoices of(List<Map<String, Object>> catalogue, ClinicalTerms terms) {
        Map<String, List<Nerve>> byRegion = new LinkedHashMap<>();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Map<String, Object> entry : catalogue) {
            String code = String.valueOf(entry.get("code"));
            String region = String.valueOf(entry.get("region"));
            byRegion.computeIfAbsent(region, key -> new java.util.ArrayList<>())
                    .add(new Nerve(code, String.valueOf(entry.get("name"))));
            if (entry.get("levels") instanceof List<?> list && !list.isEmpty()) {
                levels.put(code, ((List<Object>) list).stream().map(String::valueOf).toList());
            }
        }
        List<Region> regions = byRegion.entrySet().stream()
                .map(region -> new Region(terms.of(region.getKey()), List.copyOf(region.getValue())))
                .toList();
        return new NerveChoices(regions, Map.copyOf(levels));
    }

    /** Whether a target on this nerve needs a spinal level, i.e. the level select is offered. */
    public boolean hasLevels(String code) {
        return code != null && levels.containsKey(code);
    }

    public List<String> levelsOf(String code) {
        return code == null ? List.of() : levels.getOrDefault(code, List.of());
    }

    /** The level select's choices (each level is its own word: {@code T4}). */
    public Map<String, String> levelChoicesOf(String code) {
        Map<String, String> choices = new LinkedHashMap<>();
        levelsOf(code).forEach(level -> choices.put(level, level));
        return choices;
    }

    /** A nerve outside the catalogue: the proceduralist names it in a description. */
    public boolean isOther(String code) {
        return "OTHER".equals(code);
    }
}
