package org.clinictracker.followups.relief;

import java.time.LocalDate;

import org.clinictracker.vocabulary.Modality;

/** Why a plan shows no expected end of relief, so a reader is told rather than left to guess. */
public enum NoEstimate {
    /** Relief has waned already: the plan's repeat-treatment candidate is what matters now. */
    RELIEF_ENDED,
    /** The same targets were treated again since: the new treatment's plan carries the estimate that matters. */
    REPEATED,
    /** No outcome has shown a responder (at least 50 % less pain than the baseline) yet. */
    NOT_A_RESPONDER,
    /** A nerve block with no earlier relief to learn from: the literature gives no range to fall back on. */
    NO_PUBLISHED_RANGE;

    /** The reason for a plan without an estimate, or null when it has one or should have one. */
    public static NoEstimate of(Modality modality, LocalDate responderSince, LocalDate reliefEndedOn, boolean repeated,
            boolean hasEstimate) {
        if (reliefEndedOn != null) {
            return RELIEF_ENDED;
        }
        if (repeated) {
            return REPEATED;
        }
        if (responderSince == null) {
            return NOT_A_RESPONDER;
        }
        if (!hasEstimate && ExpectedReliefEnd.publishedRangeDays(modality) == null) {
            return NO_PUBLISHED_RANGE;
        }
        return null;
    }

    /** Whether a plan in this state should carry an estimate at all (a responder, relief going, not repeated). */
    public static boolean estimable(LocalDate responderSince, LocalDate reliefEndedOn, boolean repeated) {
        return responderSince != null && reliefEndedOn == null && !repeated;
    }
}
