package org.clinictracker.web.worklist;

import java.util.Arrays;

/**
 * The worklist's tabs and the followup-service's cut of the visits behind each: its {@code view} (TODAY: due today;
 * THIS_WEEK: due today to six days ahead; OVERDUE: past due, still documentable; MISSED: window passed;
 * PATIENT_ANSWERED: answered by the patient, not yet reviewed; none: every open and missed visit) or the responders whose relief is expected to end soon ({@code /api/followups/relief-ending}).
 */
public enum WorklistTab {
    TODAY("today", "Today", "TODAY", true),
    THIS_WEEK("week", "This week", "THIS_WEEK", true),
    OVERDUE("overdue", "Overdue", "OVERDUE", true),
    MISSED("missed", "Missed", "MISSED", true),
    RELIEF_ENDING("relief-ending", "Expected end of relief soon", null, false),
    /** Every open and missed visit (the API's worklist without a view): where a patient's timeline links to. */
    ALL_OPEN("open", "All open", null, true),
    /** Visits the patients answered themselves, waiting for a coordinator to review the answers (oldest first). */
    PATIENT_ANSWERED("answered", "Answered by patients", "PATIENT_ANSWERED", true);

    private final String slug;
    private final String label;
    private final String view;
    private final boolean visits;

    WorklistTab(String slug, String label, String view, boolean visits) {
        this.slug = slug;
        this.label = label;
        this.view = view;
        this.visits = visits;
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

    /** The API's worklist view; null for every open visit and for the relief-ending list. */
    public String view() {
        return view;
    }

    public boolean listsVisits() {
        return visits;
    }

    /** The tab whose rows show the patients' own answers to review, rather than visits to work. */
    public boolean showsPatientAnswers() {
        return this == PATIENT_ANSWERED;
    }
}
