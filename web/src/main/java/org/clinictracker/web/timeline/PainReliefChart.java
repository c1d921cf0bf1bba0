package org.clinictracker.web.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patient's pain and relief over time with their procedures marked, drawn by Chart.js from the config this
 * builds ({@code <canvas data-chart>}; app.js draws it). The x axis is days since the first procedure (a linear
 * axis: Chart.js needs no date adapter for it); pain 0–10 on the left axis, relief % on the right, each
 * procedure a triangle at the top of the pain axis. The two lines differ in dash and point shape as well as in
 * colour. {@link #points()} are the same data for the table beside the chart, its text alternative.
 */
public record PainReliefChart(LocalDate firstDay, List<Point> points, Map<String, Object> config) {

    /** One day on the chart: a measure, a procedure, or both; {@code what} says what happened that day. */
    public record Point(LocalDate day, long daysSinceFirst, Integer pain, Integer relief, String what, boolean procedure) {
    }

    private static final String PAIN_COLOUR = "#a4161a";
    private static final String RELIEF_COLOUR = "#0b4f8a";
    private static final String PROCEDURE_COLOUR = "#1e6b34";

    /** From the timeline's entries (in time order): procedures (with pain before) and outcomes. */
    public static PainReliefChart of(List<Map<String, Object>> entries, TimelineWords words) {
        LocalDate first = entries.stream().filter(entry -> "PROCEDURE".equals(entry.get("kind")))
                .map(PainReliefChart::day).filter(day -> day != null).findFirst()
                .orElse(entries.stream().map(PainReliefChart::day).filter(day -> day != null).findFirst().orElse(null));
        Map<Object, Object> visitLabels = new LinkedHashMap<>();
        entries.stream().filter(entry -> "VISIT".equals(entry.get("kind")) && entry.get("detail") instanceof Map<?, ?>)
                .forEach(entry -> visitLabels.put(entry.get("visitId"), ((Map<?, ?>) entry.get("detail")).get("label")));
        List<Point> points = new ArrayList<>();
        if (first == null) {
            return new PainReliefChart(null, points, config(points));
        }
        for (Map<String, Object> entry : entries) {
            LocalDate day = day(entry);
            Map<?, ?> detail = entry.get("detail") instanceof Map<?, ?> map ? map : Map.of();
            if (day == null) {
                continue;
            }
            long since = ChronoUnit.DAYS.between(first, day);
            if ("PROCEDURE".equals(entry.get("kind"))) {
                points.add(new Point(day, since, integer(detail.get("painBefore")), null,
                        "Procedure: " + words.procedure(detail), true));
            } else if ("OUTCOME".equals(entry.get("kind"))
                    && (detail.get("painScore") != null || detail.get("reliefPercent") != null)) {
                points.add(new Point(day, since, integer(detail.get("painScore")), integer(detail.get("reliefPercent")),
                        words.outcomeOf(visitLabels.get(entry.get("visitId"))), false));
            }
        }
        return new PainReliefChart(first, points, config(points));
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    private static Map<String, Object> config(List<Point> points) {
        List<Map<String, Object>> pain = new ArrayList<>();
        List<Map<String, Object>> relief = new ArrayList<>();
        List<Map<String, Object>> procedures = new ArrayList<>();
        for (Point point : points) {
            if (point.pain() != null) {
                pain.add(xy(point.daysSinceFirst(), point.pain()));
            }
            if (point.relief() != null) {
                relief.add(xy(point.daysSinceFirst(), point.relief()));
            }
            if (point.procedure()) {
                procedures.add(xy(point.daysSinceFirst(), 10));
            }
        }
        Map<String, Object> painLine = dataset("line", "Pain (0–10)", pain, PAIN_COLOUR, "pain", "circle");
        Map<String, Object> reliefLine = dataset("line", "Relief %", relief, RELIEF_COLOUR, "relief", "rect");
        reliefLine.put("borderDash", List.of(6, 4));
        Map<String, Object> procedureMarks = dataset("scatter", "Procedure", procedures, PROCEDURE_COLOUR, "pain", "triangle");
        procedureMarks.put("pointRadius", 9);
        procedureMarks.put("pointHoverRadius", 11);
        procedureMarks.put("clip", false); // a triangle at the top of the axis is drawn whole

        Map<String, Object> scales = new LinkedHashMap<>();
        Map<String, Object> days = axis("linear", "bottom", "Days since the first procedure", 0, null);
        days.put("ticks", Map.of("precision", 0));
        scales.put("x", days);
        scales.put("pain", axis("linear", "left", "Pain (0–10)", 0, 10));
        Map<String, Object> reliefAxis = axis("linear", "right", "Relief %", 0, 100);
        reliefAxis.put("grid", Map.of("drawOnChartArea", false));
        scales.put("relief", reliefAxis);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("scales", scales);
        options.put("plugins", Map.of("legend", Map.of("position", "bottom")));

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "line");
        config.put("data", Map.of("datasets", List.of(painLine, reliefLine, procedureMarks)));
        config.put("options", options);
        return config;
    }

    private static Map<String, Object> dataset(String type, String label, List<Map<String, Object>> data, String colour,
            String axis, String pointStyle) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("type", type);
        dataset.put("label", label);
        dataset.put("data", data);
        dataset.put("yAxisID", axis);
        dataset.put("borderColor", colour);
        dataset.put("backgroundColor", colour);
        dataset.put("pointStyle", pointStyle);
        dataset.put("pointRadius", 5);
        dataset.put("spanGaps", true);
        return dataset;
    }

    private static Map<String, Object> axis(String type, String position, String title, Integer min, Integer max) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", type);
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

    private static Map<String, Object> xy(long x, int y) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", x);
        point.put("y", y);
        return point;
    }

    private static LocalDate day(Map<String, Object> entry) {
        Object day = entry.get("day");
        try {
            return day == null ? null : LocalDate.parse(String.valueOf(day));
        } catch (RuntimeException notADay) {
            return null;
        }
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }
}
