package org.clinictracker.web.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * One group of the report (the whole scope, a modality, an indication or a nerve) as the rows of its table: each
 * of the clinic's figures in words with its n and interval, the source's published figure beside it where there
 * is one, and where the clinic stands against it.
 */
public record GroupFigures(String id, String label, int procedures, int patients, List<Row> rows) {

    /**
     * One figure: what it is, the clinic's value in lines of words, the published figure (or null) and the verdict
     * (null when the source publishes nothing for it, or the clinic has no figure yet).
     */
    public record Row(String figure, List<String> clinic, Published published, Published.Verdict verdict) {

        public boolean hasPublished() {
            return published != null;
        }

        public String source() {
            return published == null ? "" : "Source: " + published.range();
        }

        public String sourceWords() {
            return published == null || published.text() == null ? "" : "“" + published.text() + "”";
        }
    }

    static GroupFigures of(Map<?, ?> group, String label) {
        String id = ("group-" + Answer.text(group, "dimension") + "-" + Answer.text(group, "code"))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        int procedures = Answer.count(group, "procedures");
        List<Published> published = Answer.maps(group, "published").stream().map(Published::of).toList();
        List<Map<?, ?>> windows = new ArrayList<>(Answer.maps(group, "windows"));
        windows.sort(Comparator.comparingInt(window -> Answer.count(window, "month")));

        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Procedures", List.of(procedures + " " + (procedures == 1 ? "procedure" : "procedures") + " in "
                + Answer.count(group, "patients") + " " + (Answer.count(group, "patients") == 1 ? "patient" : "patients")),
                null, null));
        Published responderShare = find(published, Published.RESPONDER_SHARE);
        for (Map<?, ?> window : windows) {
            int assessed = Answer.count(window, "assessed");
            Map<?, ?> share = Answer.map(window, "responderShare");
            List<String> lines = new ArrayList<>();
            lines.add(Figures.share(Answer.count(window, "responders"), assessed, share));
            int lost = Answer.count(window, "lostToFollowUp");
            lines.add(lost + " lost to follow-up");
            int outside = Answer.count(window, "assessedOutsideWindow");
            if (outside > 0) {
                lines.add(outside + " seen outside the window (visit moved): not counted here");
            }
            rows.add(new Row("Responders (≥ 50 % less pain) at month " + Answer.count(window, "month"), lines,
                    responderShare, verdict(responderShare, assessed, share, "lower", "upper")));
        }
        Published painReduction = find(published, Published.PAIN_REDUCTION);
        for (Map<?, ?> window : windows) {
            Map<?, ?> reduction = Answer.map(window, "painReduction");
            rows.add(new Row("Pain reduction from baseline at month " + Answer.count(window, "month"),
                    List.of(Figures.mean(reduction, " points"),
                            "Pain at the visit: " + Figures.mean(Answer.map(window, "painScore"), " of 10")),
                    painReduction, verdict(painReduction, Answer.count(reduction, "n"), reduction, "lower", "upper")));
        }
        rows.add(reliefDuration(Answer.map(group, "reliefDuration"), find(published, Published.RELIEF_DURATION_DAYS)));
        rows.add(new Row("Opioid use (MME/day)", opioids(group, windows), null, null));
        rows.add(new Row("Adverse events", adverseEvents(group), null, null));
        rows.add(new Row("Repeat treatments", repeats(Answer.map(group, "repeats"), procedures), null, null));
        rows.add(new Row("Answered by the patients themselves", List.of(patientAnswered(Answer.map(group, "patientAnswered"))),
                null, null));
        return new GroupFigures(id, label, procedures, Answer.count(group, "patients"), rows);
    }

    private static Row reliefDuration(Map<?, ?> curve, Published published) {
        int subjects = Answer.count(curve, "subjects");
        List<String> lines = new ArrayList<>();
        Published.Verdict verdict = null;
        if (subjects == 0) {
            lines.add("No procedure with relief yet");
        } else {
            Map<?, ?> median = Answer.map(curve, "medianDays");
            String days = Figures.days(median);
            lines.add(days != null ? "Median " + days
                    : "Median not reached: more than half still had relief at their last visit");
            lines.add(subjects + " with relief: " + Answer.count(curve, "events") + " ended, "
                    + Answer.count(curve, "censored") + " still relieved at their last visit (censored)");
            if (published != null) {
                verdict = days == null ? Published.Verdict.TOO_FEW
                        : published.compare(Answer.number(median, "lower"), Answer.number(median, "upper"));
            }
        }
        return new Row("Duration of relief (Kaplan–Meier)", lines, published, verdict);
    }

    private static List<String> opioids(Map<?, ?> group, List<Map<?, ?>> windows) {
        List<String> lines = new ArrayList<>();
        lines.add("Before: " + Figures.mean(Answer.map(group, "opioidBefore"), ""));
        for (Map<?, ?> window : windows) {
            lines.add("Month " + Answer.count(window, "month") + ": " + Figures.mean(Answer.map(window, "opioidMmePerDay"), ""));
        }
        return lines;
    }

    private static List<String> adverseEvents(Map<?, ?> group) {
        List<String> lines = new ArrayList<>();
        for (Map<?, ?> rate : Answer.maps(group, "adverseEvents")) {
            int events = Answer.count(rate, "events");
            lines.add(ClinicalTerms.inWords(Answer.text(rate, "type"))
                    + (Answer.isTrue(rate, "serious") ? " (serious)" : " (not serious)") + ": "
                    + events + (events == 1 ? " event" : " events") + ", in "
                    + Figures.share(Answer.count(rate, "procedures"), Answer.count(group, "procedures"), Answer.map(rate, "rate"))
                    + " procedures");
        }
        if (lines.isEmpty()) {
            lines.add("None reported");
        }
        return lines;
    }

    /** "12 of 40 visits (30 %, 95 % CI 18–45 %)": visits with an outcome that the patient answered through a link. */
    private static String patientAnswered(Map<?, ?> answered) {
        int visits = Answer.count(answered, "visits");
        if (visits == 0) {
            return "No visit with an outcome yet";
        }
        return Figures.share(Answer.count(answered, "answered"), visits, visits == 1 ? " visit" : " visits",
                Answer.map(answered, "share"));
    }

    private static List<String> repeats(Map<?, ?> repeats, int procedures) {
        int count = Answer.count(repeats, "count");
        if (count == 0) {
            return List.of("None: no procedure in this group repeated an earlier one");
        }
        return List.of(count + " of " + procedures + " procedures repeated an earlier one",
                "Mean interval: " + Figures.mean(Answer.map(repeats, "intervalDays"), " days"));
    }

    private static Published.Verdict verdict(Published published, int n, Map<?, ?> estimate, String lower, String upper) {
        if (published == null || n == 0) {
            return null;
        }
        return published.compare(Answer.number(estimate, lower), Answer.number(estimate, upper));
    }

    private static Published find(List<Published> published, String figure) {
        return published.stream().filter(one -> figure.equals(one.figure())).findFirst().orElse(null);
    }
}
