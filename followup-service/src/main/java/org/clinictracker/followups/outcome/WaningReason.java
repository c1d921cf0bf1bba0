package org.clinictracker.followups.outcome;

/** Why an outcome shows a responder's relief waning (domain.md, "Waning relief"); stored and published as codes. */
public enum WaningReason {
    /** The patient reports less than 50 % relief. */
    RELIEF_BELOW_50_PERCENT,
    /** Pain is no longer at least 50 % below the baseline: the responder criterion itself is lost. */
    PAIN_REDUCTION_BELOW_50_PERCENT,
    /** Pain is 2 points or more above the lowest pain since the procedure. */
    PAIN_UP_2_FROM_BEST,
    /** Sensation has come back (the nerve regrowing) and pain is above its best. */
    SENSATION_RETURNED_WITH_PAIN;

    /** How a coordinator reads the code in a list. */
    public String text() {
        return switch (this) {
            case RELIEF_BELOW_50_PERCENT -> "relief below 50 %";
            case PAIN_REDUCTION_BELOW_50_PERCENT -> "pain no longer 50 % below baseline";
            case PAIN_UP_2_FROM_BEST -> "pain up 2 points or more from its best";
            case SENSATION_RETURNED_WITH_PAIN -> "sensation returned with returning pain";
        };
    }
}
