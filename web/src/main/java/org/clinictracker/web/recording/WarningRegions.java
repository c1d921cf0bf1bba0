package org.clinictracker.web.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings of a draft, placed beside the field each concerns. The form has a live region for each field the
 * clinic's rules warn about (the freeze cycles share one, under the cycles); a warning about any other field goes
 * to the modality's general region. Every region is always answered, empty when its warning has gone.
 */
public record WarningRegions(Map<String, List<String>> byRegion) {

    /** The regions of the form, by id prefix ({@code <region>-warnings}). */
    static final List<String> REGIONS = List.of("cryo-probeTemperatureCelsius", "cryo-cycles",
            "rfa-lesionTemperatureCelsius", "rfa-secondsPerLesion", "procedure");

    static WarningRegions none() {
        return of(List.of());
    }

    static WarningRegions of(List<?> warnings) {
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        REGIONS.forEach(region -> byRegion.put(region, new ArrayList<>()));
        for (Object warning : warnings) {
            if (warning instanceof Map<?, ?> map && map.get("message") != null) {
                byRegion.get(regionOf(String.valueOf(map.get("field")))).add(String.valueOf(map.get("message")));
            }
        }
        return new WarningRegions(byRegion);
    }

    private static String regionOf(String field) {
        if (field.startsWith("cryo.cycles")) {
            return "cryo-cycles";
        }
        String region = field.replace('.', '-');
        return REGIONS.contains(region) ? region : "procedure";
    }

    public List<String> in(String region) {
        return byRegion.getOrDefault(region, List.of());
    }

    public List<String> regions() {
        return REGIONS;
    }
}
