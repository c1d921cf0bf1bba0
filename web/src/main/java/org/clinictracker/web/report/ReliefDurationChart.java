package org.clinictracker.web.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * How long relief lasts, per modality: the Kaplan–Meier curve (share of the procedures that gave relief still
 * relieved, by days since the procedure) as steps with ticks where procedures were censored, its 95 % band, and
 * the source's published duration for the
 * modality as a shaded range of days. {@link #curves()} is the chart's text alternative: per modality the counts,
 * the median and the share still relieved at 3, 6 and 12 months.
 */
public record ReliefDurationChart(List<Curve> curves, Map<String, Object> config) {

    /** Days at which the table says how many were still relieved: months 3, 6 and 12. */
    static final List<Integer> CHECKPOINTS = List.of(91, 183, 365);

    /** One modality's curve in words. {@code stillRelieved}: at each checkpoint, "72 %" or "not followed so long". */
    public record Curve(String modality, int subjects, int events, int censored, String median, List<String> stillRelieved,
            String published) {
    }

    public boolean isEmpty() {
        return curves.stream().allMatch(curve -> curve.subjects() == 0);
    }

    static ReliefDurationChart of(Map<?, ?> answer) {
        List<Curve> curves = new ArrayList<>();
        List<Map<String, Object>> datasets = new ArrayList<>();
        List<Map<?, ?>> modalities = Answer.maps(answer, "byModality");
        for (int i = 0; i < modalities.size(); i++) {
            Map<?, ?> group = modalities.get(i);
            String code = Answer.text(group, "code");
            String name = ClinicalTerms.inWords(Answer.text(group, "label") != null ? Answer.text(group, "label") : code);
            ChartConfig.Look look = ChartConfig.look(code, i);
            Map<?, ?> curve = Answer.map(group, "reliefDuration");
            List<Map<?, ?>> steps = Answer.maps(curve, "steps");
            Published published = Answer.maps(group, "published").stream().map(Published::of)
                    .filter(figure -> Published.RELIEF_DURATION_DAYS.equals(figure.figure())).findFirst().orElse(null);
            String median = Figures.days(Answer.map(curve, "medianDays"));
            curves.add(new Curve(name, Answer.count(curve, "subjects"), Answer.count(curve, "events"),
                    Answer.count(curve, "censored"),
                    Answer.count(curve, "subjects") == 0 ? "No procedure with relief yet"
                            : median != null ? median : "Not reached",
                    CHECKPOINTS.stream().map(day -> stillRelieved(steps, day)).toList(),
                    published == null ? "None published" : published.range()));
            if (steps.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> band = band(steps);
            if (!band.isEmpty()) {
                datasets.add(ChartConfig.band(name + ": 95 % band", band, look.colour(), false));
            }
            Map<String, Object> line = ChartConfig.line(name + ": still relieved", stepsOf(steps), look);
            line.put("pointRadius", 0);
            datasets.add(line);
            List<Map<String, Object>> censored = censored(steps);
            if (!censored.isEmpty()) {
                Map<String, Object> ticks = ChartConfig.line(name + ": still relieved at the last visit (censored)", censored, look);
                ticks.put("type", "scatter");
                ticks.put("pointStyle", "line");
                ticks.put("rotation", 90); // a short upright tick on the curve, as survival plots mark censoring
                ticks.put("pointRadius", 7);
                datasets.add(ticks);
            }
            if (published != null && published.low() != null && published.high() != null) {
                datasets.add(ChartConfig.band("Source, " + name + ": " + published.range(),
                        List.of(ChartConfig.xy(published.low(), 0), ChartConfig.xy(published.low(), 100),
                                ChartConfig.xy(published.high(), 100), ChartConfig.xy(published.high(), 0),
                                ChartConfig.xy(published.low(), 0)),
                        look.colour(), true));
            }
        }
        Map<String, Object> days = ChartConfig.axis("bottom", "Days since the procedure", 0, null);
        Map<String, Object> share = ChartConfig.axis("left", "Still relieved (%)", 0, 100);
        return new ReliefDurationChart(curves, ChartConfig.config(datasets, days, share));
    }

    /** The curve as corners: flat at the last value until a step's day, then down (or level) to its value. */
    private static List<Map<String, Object>> stepsOf(List<Map<?, ?>> steps) {
        List<Map<String, Object>> points = new ArrayList<>();
        double previous = 100;
        points.add(ChartConfig.xy(0, previous));
        for (Map<?, ?> step : steps) {
            double day = Answer.number(step, "day") == null ? 0 : Answer.number(step, "day");
            Double survival = Answer.number(step, "survival");
            double now = survival == null ? previous : percent(survival);
            points.add(ChartConfig.xy(day, previous));
            points.add(ChartConfig.xy(day, now));
            previous = now;
        }
        return points;
    }

    /** Where procedures were censored: on the curve, at the days they were last seen still relieved. */
    private static List<Map<String, Object>> censored(List<Map<?, ?>> steps) {
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (Map<?, ?> step : steps) {
            Double day = Answer.number(step, "day");
            Double survival = Answer.number(step, "survival");
            if (day != null && survival != null && Answer.count(step, "censored") > 0) {
                ticks.add(ChartConfig.xy(day, percent(survival)));
            }
        }
        return ticks;
    }

    /**
     * The 95 % band as one closed outline: along the upper bounds, then back along the lower ones. It stops at the
     * first step without bounds (after survival reaches 0 there is no interval to draw).
     */
    private static List<Map<String, Object>> band(List<Map<?, ?>> steps) {
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        double previousUpper = 100;
        double previousLower = 100;
        upper.add(new double[] { 0, 100 });
        lower.add(new double[] { 0, 100 });
        for (Map<?, ?> step : steps) {
            Double day = Answer.number(step, "day");
            Double up = Answer.number(step, "upper");
            Double low = Answer.number(step, "lower");
            if (day == null || up == null || low == null) {
                break;
            }
            upper.add(new double[] { day, previousUpper });
            upper.add(new double[] { day, percent(up) });
            lower.add(new double[] { day, previousLower });
            lower.add(new double[] { day, percent(low) });
            previousUpper = percent(up);
            previousLower = percent(low);
        }
        if (upper.size() == 1) {
            return List.of();
        }
        List<Map<String, Object>> outline = new ArrayList<>();
        upper.forEach(point -> outline.add(ChartConfig.xy(point[0], point[1])));
        for (int i = lower.size() - 1; i >= 0; i--) {
            outline.add(ChartConfig.xy(lower.get(i)[0], lower.get(i)[1]));
        }
        return outline;
    }

    /** The share still relieved on {@code day}: the last step on or before it; unknown past the last follow-up. */
    static String stillRelieved(List<Map<?, ?>> steps, int day) {
        if (steps.isEmpty()) {
            return "—";
        }
        Double survival = 1.0;
        for (Map<?, ?> step : steps) {
            Double at = Answer.number(step, "day");
            if (at == null || at > day) {
                break;
            }
            survival = Answer.number(step, "survival");
        }
        Double lastFollowed = Answer.number(steps.get(steps.size() - 1), "day");
        if (survival == null) {
            return "—";
        }
        if (lastFollowed != null && lastFollowed < day && survival > 0) {
            return "Not followed so long";
        }
        return Figures.percentNumber(survival) + " %";
    }

    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
