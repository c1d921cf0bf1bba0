package org.clinictracker.followups.relief;

/** What an expected end of relief is drawn from, the most specific first (issue 7). */
public enum ReliefBasis {
    /** This patient's earlier treatments of the same targets whose relief has ended. */
    OWN_HISTORY,
    /** This clinic's treatments with the same modality on a common nerve, once there are enough of them. */
    CLINIC_RECORD,
    /** The published range of the modality: cryoneurolysis 3–12 months, RFA 3–9 months. */
    PUBLISHED_RANGE
}
