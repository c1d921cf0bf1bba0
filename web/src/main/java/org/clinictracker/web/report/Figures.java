package org.clinictracker.web.report;

import java.util.Locale;
import java.util.Map;

/**
 * The report's figures in words a clinician reads at a glance, each with its group's size and its 95 % interval
 * ("12 of 20 (60 %, 95 % CI 39–78 %)"): a small group is never a bare percentage, and nothing reads "NaN" or
 * "null" (a figure that does not exist says why in words).
 */
final class Figures {

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private Figures() {
    }

    /** Responders of those assessed in a window: "12 of 20 (60 %, 95 % CI 39–78 %)". */
    static String share(int events, int trials, Map<?, ?> estimate) {
        if (trials == 0) {
            return "No outcome in this window yet";
        }
        return share(events, trials, "", estimate);
    }

    /** A share of {@code trials} things named {@code noun}: "12 of 40 visits (30 %, 95 % CI 18–45 %)". */
    static String share(int events, int trials, String noun, Map<?, ?> estimate) {
        Double value = Answer.number(estimate, "value");
        if (value == null) {
            value = (double) events / trials;
        }
        return events + " of " + trials + noun + " (" + percentNumber(value) + " %" + interval(estimate, Figures::percentNumber, " %") + ")";
    }

    /** A mean with its interval and n: "3.9 points (95 % CI 3.1–4.7; n 20)"; one value has no interval. */
    static String mean(Map<?, ?> estimate, String unit) {
        int n = Answer.count(estimate, "n");
        Double mean = Answer.number(estimate, "mean");
        if (n == 0 || mean == null) {
            return "No data";
        }
        String value = decimal(mean) + unit;
        if (n == 1) {
            return value + " (one procedure: no interval)";
        }
        Double lower = Answer.number(estimate, "lower");
        Double upper = Answer.number(estimate, "upper");
        String ci = lower == null || upper == null ? "" : "95 % CI " + decimal(lower) + "–" + decimal(upper) + unit + "; ";
        return value + " (" + ci + "n " + n + ")";
    }

    /** A median duration in days with its interval: "243 days, about 8 months (95 % CI 190–301 days)". */
    static String days(Map<?, ?> estimate) {
        Double value = Answer.number(estimate, "value");
        if (value == null) {
            return null;
        }
        Double lower = Answer.number(estimate, "lower");
        Double upper = Answer.number(estimate, "upper");
        String words = whole(value) + " days, about " + months(value) + " months";
        if (lower == null && upper == null) {
            return words + " (no interval: too few)";
        }
        return words + " (95 % CI " + (lower == null ? "not estimable" : whole(lower)) + "–"
                + (upper == null ? "not reached" : whole(upper) + " days") + ")";
    }

    /** ", 95 % CI a–b unit", or "" when the estimate has no interval. */
    static String interval(Map<?, ?> estimate, java.util.function.Function<Double, String> format, String unit) {
        Double lower = Answer.number(estimate, "lower");
        Double upper = Answer.number(estimate, "upper");
        if (lower == null || upper == null) {
            return "";
        }
        return ", 95 % CI " + format.apply(lower) + "–" + format.apply(upper) + unit;
    }

    /** A share (0–1) as a whole percent number: 0.6 → "60"; null → null. */
    static String percentNumber(Double share) {
        return share == null ? null : String.valueOf(Math.round(share * 100));
    }

    static String decimal(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A number as the source writes it: "4", "4.5". */
    static String plain(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) ? String.valueOf(Math.round(value)) : decimal(value);
    }

    static String whole(Double value) {
        return value == null ? null : String.valueOf(Math.round(value));
    }

    /** Days as months, whole when nearly so (the source's "6 months" is 180 days): 243 → "8", 200 → "6.6". */
    static String months(Double days) {
        if (days == null) {
            return null;
        }
        double months = days / DAYS_PER_MONTH;
        return Math.abs(months - Math.round(months)) < 0.25 ? String.valueOf(Math.round(months))
                : String.format(Locale.ROOT, "%.1f", months);
    }
}
