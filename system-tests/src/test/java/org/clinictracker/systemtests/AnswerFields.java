package org.clinictracker.systemtests;

/**
 * The field names of the patients' answer page (web's {@code /answer} form) for common12's answers, for the tests
 * that answer it as a form post or by tapping in a browser. Side effects: one checkbox per
 * {@code AdverseEventType}, then how bad the worst one is, whether it needed a doctor and whether it is still there.
 * Yes/no questions take {@link #YES} and {@link #NO} (sensation also {@code not-sure}).
 */
public final class AnswerFields {

    public static final String TOKEN = "token";
    public static final String PAIN_NOW = "painNow";
    public static final String PAIN_AVERAGE = "painAverage";
    public static final String ENJOYMENT = "enjoymentOfLife";
    public static final String ACTIVITY = "generalActivity";
    public static final String RELIEF = "reliefPercent";
    public static final String SATISFACTION = "satisfaction";
    public static final String SENSATION = "sensationReturned";
    public static final String SIDE_EFFECT_TYPES = "sideEffects";
    public static final String OTHER_DESCRIPTION = "otherDescription";
    public static final String WORST = "worst";
    public static final String NEEDED_CARE = "neededMedicalCare";
    public static final String STILL_THERE = "stillThere";
    public static final String COMMENTS = "comments";

    public static final String YES = "yes";
    public static final String NO = "no";

    private AnswerFields() {
    }
}
