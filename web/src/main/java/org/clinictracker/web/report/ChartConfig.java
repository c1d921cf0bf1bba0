package org.clinictracker.web.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of a Chart.js config the report's charts share (app.js draws any {@code <canvas data-chart>}): lines
 * on linear axes, and bands drawn as closed shapes ({@code fill: "shape"}) so an interval or a published range is
 * one legend entry. Each modality keeps its colour and its dash in both charts, so lines differ by more than colour.
 */
final class ChartConfig {

    record Look(String colour, List<Integer> dash) {
    }

    private static final Map<String, Look> BY_MODALITY = Map.of(
            "CRYONEUROLYSIS", new Look("#0b4f8a", List.of()),
            "RADIOFREQUENCY_ABLATION", new Look("#a4161a", List.of(8, 4)),
            "NERVE_BLOCK", new Look("#1e6b34", List.of(2, 3)));
    private static final List<Look> OTHERS = List.of(new Look("#5b3c88", List.of(12, 3, 2, 3)),
            new Look("#7a4b00", List.of(4, 4)), new Look("#1b1f24", List.of()));
    static final String PUBLISHED_COLOUR = "#1e6b34";

    private ChartConfig() {
    }

    static Look look(String code, int index) {
        return BY_MODALITY.getOrDefault(code, OTHERS.get(index % OTHERS.size()));
    }

    static Map<String, Object> line(String label, List<Map<String, Object>> points, Look look) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "line");
        line.put("label", label);
        line.put("data", points);
        line.put("borderColor", look.colour());
        line.put("backgroundColor", look.colour());
        line.put("borderWidth", 2);
        line.put("borderDash", look.dash());
        line.put("fill", false);
        return line;
    }

    /** A closed area (an interval, a published range): its outline's points in order, filled lightly. */
    static Map<String, Object> band(String label, List<Map<String, Object>> outline, String colour, boolean dashedEdge) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("type", "line");
        band.put("label", label);
        band.put("data", outline);
        band.put("borderColor", colour);
        // an interval ~20 % opaque, a published range ~8 %: the lines stay readable over both, and ranges that overlap
        band.put("backgroundColor", colour + (dashedEdge ? "14" : "33"));
        band.put("borderWidth", dashedEdge ? 1 : 0);
        band.put("borderDash", dashedEdge ? List.of(4, 4) : List.of());
        band.put("pointRadius", 0);
        band.put("pointHoverRadius", 0);
        band.put("fill", "shape");
        return band;
    }

    static Map<String, Object> axis(String position, String title, Number min, Number max) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "linear");
        axis.put("position", position);
        axis.put("title", Map.of("display", true, "text", title));
        if (min != null) {
            axis.put("min", min);
        }
        if (max != null) {
            axis.put("max", max);
        }
        return axis;
    }

    static Map<String, Object> config(List<Map<String, Object>> datasets, Map<String, Object> x, Map<String, Object> y) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("scales", Map.of("x", x, "y", y));
        options.put("plugins", Map.of("legend", Map.of("position", "bottom")));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "line");
        config.put("data", Map.of("datasets", datasets));
        config.put("options", options);
        return config;
    }

    static Map<String, Object> xy(double x, double y) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", x);
        point.put("y", y);
        return point;
    }
}
