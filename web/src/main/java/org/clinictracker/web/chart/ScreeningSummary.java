package org.clinictracker.web.chart;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the chart needs to know about the latest screening beyond its fields: which modalities it still does not
 * clear (what an override can decide), whether the rules found differently per modality (then the override must
 * name its modalities and the chart lists them), and whether an override changed the headline.
 */
public record ScreeningSummary(List<String> undecidedModalities, boolean modalitySpecific, boolean overridden,
        boolean needsDecision) {

    static final ScreeningSummary NONE = new ScreeningSummary(List.of(), false, false, false);

    @SuppressWarnings("unchecked")
    static ScreeningSummary of(Map<String, Object> patient) {
        if (patient == null || !(patient.get("screening") instanceof Map<?, ?> found)) {
            return NONE;
        }
        Map<String, Object> screening = (Map<String, Object>) found;
        List<Map<String, Object>> modalities = screening.get("modalities") instanceof List<?> list
                ? (List<Map<String, Object>>) list : List.of();
        List<String> undecided = modalities.stream()
                .filter(modality -> !"ELIGIBLE".equals(modality.get("effectiveResult")))
                .map(modality -> String.valueOf(modality.get("modality")))
                .toList();
        boolean modalitySpecific = modalities.stream().map(modality -> modality.get("result")).distinct().count() > 1;
        boolean overridden = !Objects.equals(screening.get("result"), screening.get("effectiveResult"))
                || screening.get("override") != null;
        // a screening judged before modalities were kept has only its headline to go by
        boolean needsDecision = !undecided.isEmpty() || !"ELIGIBLE".equals(screening.get("effectiveResult"));
        return new ScreeningSummary(undecided, modalitySpecific, overridden, needsDecision);
    }
}
