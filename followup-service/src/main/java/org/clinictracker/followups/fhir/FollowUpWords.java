package org.clinictracker.followups.fhir;

import java.util.Locale;

/** The service's codes as a physician reading the record elsewhere reads them: "Week 2", "radiofrequency ablation". */
final class FollowUpWords {

    private FollowUpWords() {
    }

    /** DAY_2 → "Day 2", MONTH_12 → "Month 12", SAFETY_CHECK_1 → "Safety check 1". */
    static String visitLabel(String label) {
        String words = label.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** CRYONEUROLYSIS → "cryoneurolysis", NERVE_BLOCK → "nerve block". */
    static String modality(String modality) {
        return modality.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
