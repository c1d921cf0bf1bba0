package org.clinictracker.followups.fhir;

import java.util.Locale;

/**
 * The service's codes as a physician reading the record elsewhere reads them: "Week 2", "radiofrequency ablation";
 * also the outcome report's words for a nerve (the service keeps no nerve catalogue).
 */
public final class FollowUpWords {

    private FollowUpWords() {
    }

    /** A code in words, capitalised: MONTH_12 → "Month 12", SUPEROMEDIAL_GENICULAR → "Superomedial genicular". */
    public static String inWords(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** DAY_2 → "Day 2", MONTH_12 → "Month 12", SAFETY_CHECK_1 → "Safety check 1". */
    static String visitLabel(String label) {
        return inWords(label);
    }

    /** CRYONEUROLYSIS → "cryoneurolysis", NERVE_BLOCK → "nerve block". */
    static String modality(String modality) {
        return modality.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
