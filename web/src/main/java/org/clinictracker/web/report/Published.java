package org.clinictracker.web.report;

import java.util.Locale;
import java.util.Map;

/**
 * A figure the source article publishes ({@code published} in the report), in the scale the clinic's own figure
 * has: a responder share as a fraction (the API's shares are 0–1, the source says "70 %"), a relief duration in
 * days. A bound the source does not give is open ("up to 70 %" has no lower bound).
 */
record Published(String figure, Double low, Double high, String unit, String text, String source) {

    static final String PAIN_REDUCTION = "PAIN_REDUCTION";
    static final String RESPONDER_SHARE = "RESPONDER_SHARE";
    static final String RELIEF_DURATION_DAYS = "RELIEF_DURATION_DAYS";

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    static Published of(Map<?, ?> figure) {
        String unit = Answer.text(figure, "unit");
        Double low = Answer.number(figure, "low");
        Double high = Answer.number(figure, "high");
        String name = Answer.text(figure, "figure");
        String units = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (RESPONDER_SHARE.equals(name) && (units.contains("%") || units.contains("percent")
                || (high != null && high > 1) || (low != null && low > 1))) {
            low = low == null ? null : low / 100;
            high = high == null ? null : high / 100;
        } else if (RELIEF_DURATION_DAYS.equals(name) && units.contains("month")) {
            low = low == null ? null : low * DAYS_PER_MONTH;
            high = high == null ? null : high * DAYS_PER_MONTH;
        }
        return new Published(name, low, high, unit, Answer.text(figure, "text"), Answer.text(figure, "source"));
    }

    /** The published range in a few words: "4–5 points", "up to 70 %", "180–360 days (about 6–12 months)". */
    String range() {
        return switch (figure == null ? "" : figure) {
            case RESPONDER_SHARE -> bounds(Figures.percentNumber(low), Figures.percentNumber(high), " %");
            case RELIEF_DURATION_DAYS -> bounds(Figures.whole(low), Figures.whole(high), " days")
                    + " (about " + bounds(Figures.months(low), Figures.months(high), " months") + ")";
            case PAIN_REDUCTION -> bounds(Figures.plain(low), Figures.plain(high), " points");
            default -> bounds(Figures.plain(low), Figures.plain(high), unit == null ? "" : " " + unit);
        };
    }

    private static String bounds(String low, String high, String unit) {
        if (low != null && high != null) {
            return low.equals(high) ? low + unit : low + "–" + high + unit;
        }
        if (high != null) {
            return "up to " + high + unit;
        }
        return low == null ? "" : "at least " + low + unit;
    }

    /**
     * Where the clinic's figure stands, judged by its 95 % interval ({@code lower}–{@code upper}; null: undefined,
     * e.g. a median the curve never reaches has no upper bound): said only when the whole interval is on one side
     * of the published range or inside it; an interval across the range's edge cannot tell.
     */
    Verdict compare(Double lower, Double upper) {
        double from = low == null ? Double.NEGATIVE_INFINITY : low;
        double to = high == null ? Double.POSITIVE_INFINITY : high;
        if (upper != null && upper < from) {
            return Verdict.BELOW;
        }
        if (lower != null && lower > to) {
            return Verdict.ABOVE;
        }
        if (lower != null && upper != null && lower >= from && upper <= to) {
            return Verdict.WITHIN;
        }
        return Verdict.TOO_FEW;
    }

    /** The plain-words comparison beside a figure; its words carry the meaning, the badge colour only repeats it. */
    enum Verdict {
        WITHIN("Within the published range", "badge badge-ok"),
        ABOVE("Above the published range", "badge badge-ok"),
        BELOW("Below the published range", "badge badge-warn"),
        TOO_FEW("Too few to tell", "badge");

        private final String words;
        private final String badge;

        Verdict(String words, String badge) {
            this.words = words;
            this.badge = badge;
        }

        public String words() {
            return words;
        }

        public String badge() {
            return badge;
        }
    }
}
