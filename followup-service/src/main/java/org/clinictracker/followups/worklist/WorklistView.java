package org.clinictracker.followups.worklist;

/**
 * The coordinators' ready-made cuts of the worklist. Without a view (and without a status) the worklist is what a
 * coordinator works: every open visit and every missed one.
 */
public enum WorklistView {
    /** Open visits due today. */
    TODAY,
    /** Open visits due from today to six days ahead (seven clinic days). */
    THIS_WEEK,
    /** Open visits past their due day, not yet missed (still documentable). */
    OVERDUE,
    /** Visits whose window passed without an outcome, waiting to be rescheduled or documented late. */
    MISSED,
    /**
     * Visits the patient answered through a link whose answers no coordinator has reviewed yet, oldest answer first.
     * They are completed, so the other views no longer list them: a patient who answered needs no call.
     */
    PATIENT_ANSWERED
}
