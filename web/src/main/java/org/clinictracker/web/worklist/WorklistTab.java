package org.clinictracker.web.worklist;

import java.util.Arrays;

/**
 * The worklist's tabs and the followup-service's cut of the visits behind each: its {@code view} (TODAY: due today;
 * THIS_WEEK: due today to six days ahead; OVERDUE: past due, still documentable; MISSED: window passed) or, for the
 * last tab, the responders whose relief is expected to end soon ({@code /api/followups/relief-ending}).
 */
public enum WorklistTab {
    TODAY("today", "Today", "TODAY"),
    THIS_WEEK("week", "This week", "THIS_WEEK"),
    OVERDUE("overdue", "Overdue", "OVERDUE"),
    MISSED("missed", "Missed", "MISSED"),
    RELIEF_ENDING("relief-ending", "Expected end of relief soon", null);

    private final String slug;
    private final String label;
    private final String view;

    WorklistTab(String slug, String label, String view) {
        this.slug = slug;
        this.label = label;
        this.view = view;
    }

    /** The tab a link names; an unknown or missing one opens today's visits. */
    public static WorklistTab of(String slug) {
        return Arrays.stream(values()).filter(tab -> tab.slug.equals(slug)).findFirst().orElse(TODAY);
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    /** The API's worklist view; null for the relief-ending list. */
    public String view() {
        return view;
    }

    public boolean listsVisits() {
        return view != null;
    }
}
