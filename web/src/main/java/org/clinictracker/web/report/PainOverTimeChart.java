package org.clinictracker.web.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * Pain over time: the mean pain score at baseline and at months 3, 6 and 12 with its 95 % band, for the whole
 * scope and for each group the source publishes a pain reduction for (knee osteoarthritis: 4–5 points), whose
 * published range is drawn in as "the same patients' baseline minus 5 to minus 4". The baseline of a window is that
 * of the procedures assessed in it (their pain plus their reduction), so the band compares like with like.
 * {@link #points()} is the chart's text alternative.
 */
public record PainOverTimeChart(List<Point> points, Map<String, Object> config) {

    private static final double INTERVAL_WIDTH = 0.2;
    private static final double PUBLISHED_WIDTH = 0.4;

    /** A row of the text alternative: the group, when, the mean pain, that window's baseline and the source's band. */
    public record Point(String group, String when, String pain, String baseline, String published) {
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    static PainOverTimeChart of(Map<?, ?> answer) {
        Map<?, ?> overall = Answer.map(answer, "overall");
        List<Map<?, ?>> groups = new ArrayList<>();
        groups.add(overall);
        if (painReduction(overall) == null) {
            // the source publishes its reduction for an indication (knee osteoarthritis); the modality and nerve
            // groups that happen to hold only such patients would draw the same patients again
            Answer.maps(answer, "byIndication").stream().filter(group -> painReduction(group) != null).forEach(groups::add);
        }
        List<Point> points = new ArrayList<>();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Map<?, ?> group = groups.get(i);
            String name = i == 0 ? "All procedures in scope" : ClinicalTerms.inWords(
                    Answer.text(group, "label") != null ? Answer.text(group, "label") : Answer.text(group, "code"));
            draw(group, name, i, points, datasets);
        }
        Map<String, Object> months = ChartConfig.axis("bottom", "Months since the procedure", 0, 12);
        months.put("ticks", Map.of("stepSize", 3));
        Map<String, Object> pain = ChartConfig.axis("left", "Pain score (0–10)", 0, 10);
        return new PainOverTimeChart(points, ChartConfig.config(datasets, months, pain));
    }

    private static void draw(Map<?, ?> group, String name, int index, List<Point> points,
            List<Map<String, Object>> datasets) {
        ChartConfig.Look look = index == 0 ? new ChartConfig.Look("#1b1f24", List.of())
                : ChartConfig.look(Answer.text(group, "code"), index);
        Published published = painReduction(group);
        List<Map<?, ?>> windows = new ArrayList<>(Answer.maps(group, "windows"));
        windows.sort(Comparator.comparingInt(window -> Answer.count(window, "month")));

        List<Map<String, Object>> line = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        List<double[]> sourceTop = new ArrayList<>();
        List<double[]> sourceBottom = new ArrayList<>();

        Map<?, ?> baselinePain = Answer.map(group, "baselinePain");
        Double baseline = Answer.number(baselinePain, "mean");
        String baselineWords = baseline == null ? null : Figures.mean(baselinePain, " of 10");
        if (baseline == null) {
            // the report gives the baselines of those assessed in each window: the earliest window's stands for month 0
            for (Map<?, ?> window : windows) {
                Double windowBaseline = baselineOf(window);
                if (windowBaseline != null) {
                    baseline = windowBaseline;
                    baselineWords = Figures.decimal(windowBaseline) + " of 10 (those assessed at month "
                            + Answer.count(window, "month") + ")";
                    break;
                }
            }
        }
        if (baseline != null) {
            line.add(ChartConfig.xy(0, round(baseline)));
            interval(baselinePain, 0, upper, lower);
            points.add(new Point(name, "Baseline", baselineWords, "—", "—"));
        }
        for (Map<?, ?> window : windows) {
            Map<?, ?> score = Answer.map(window, "painScore");
            Double mean = Answer.number(score, "mean");
            int month = Answer.count(window, "month");
            if (mean == null || Answer.count(score, "n") == 0) {
                continue;
            }
            line.add(ChartConfig.xy(month, round(mean)));
            interval(score, month, upper, lower);
            Double windowBaseline = baselineOf(window);
            String band = "None published";
            if (published != null && windowBaseline != null && published.low() != null && published.high() != null) {
                double top = Math.max(0, windowBaseline - published.low());
                double bottom = Math.max(0, windowBaseline - published.high());
                widened(sourceTop, month, round(top), PUBLISHED_WIDTH);
                widened(sourceBottom, month, round(bottom), PUBLISHED_WIDTH);
                band = Figures.decimal(bottom) + "–" + Figures.decimal(top) + " of 10";
            }
            points.add(new Point(name, "Month " + month, Figures.mean(score, " of 10"),
                    windowBaseline == null ? "—" : Figures.decimal(windowBaseline) + " of 10", band));
        }
        if (line.isEmpty()) {
            return;
        }
        if (!upper.isEmpty()) {
            datasets.add(ChartConfig.band(name + ": 95 % band", outline(upper, lower), look.colour(), false));
        }
        Map<String, Object> pain = ChartConfig.line(name + ": mean pain", line, look);
        pain.put("pointRadius", 4);
        datasets.add(pain);
        if (!sourceTop.isEmpty()) {
            datasets.add(ChartConfig.band("Source, " + name + ": " + published.range() + " below baseline",
                    outline(sourceTop, sourceBottom), ChartConfig.PUBLISHED_COLOUR, true));
        }
    }

    /** The same procedures' mean baseline: their mean pain in the window plus their mean reduction from baseline. */
    private static Double baselineOf(Map<?, ?> window) {
        Map<?, ?> score = Answer.map(window, "painScore");
        Map<?, ?> reduction = Answer.map(window, "painReduction");
        Double mean = Answer.number(score, "mean");
        Double reduced = Answer.number(reduction, "mean");
        return mean == null || reduced == null ? null : mean + reduced;
    }

    private static void interval(Map<?, ?> estimate, double x, List<double[]> upper, List<double[]> lower) {
        Double up = Answer.number(estimate, "upper");
        Double low = Answer.number(estimate, "lower");
        if (up != null && low != null) {
            widened(upper, x, round(up), INTERVAL_WIDTH);
            widened(lower, x, round(low), INTERVAL_WIDTH);
        }
    }

    /**
     * A band's edge at one window, drawn a little wide (± {@code half} a month) so that a window alone (one visit
     * so far) still shows as a box, like an error bar; between windows the band joins them.
     */
    private static void widened(List<double[]> edge, double month, double y, double half) {
        edge.add(new double[] { round(Math.max(0, month - half)), y });
        edge.add(new double[] { round(Math.min(12, month + half)), y });
    }

    private static List<Map<String, Object>> outline(List<double[]> top, List<double[]> bottom) {
        List<Map<String, Object>> outline = new ArrayList<>();
        top.forEach(point -> outline.add(ChartConfig.xy(point[0], point[1])));
        for (int i = bottom.size() - 1; i >= 0; i--) {
            outline.add(ChartConfig.xy(bottom.get(i)[0], bottom.get(i)[1]));
        }
        return outline;
    }

    private static Published painReduction(Map<?, ?> group) {
        return Answer.maps(group, "published").stream().map(Published::of)
                .filter(figure -> Published.PAIN_REDUCTION.equals(figure.figure())).findFirst().orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
