package org.clinictracker.followups.outcome;

/** Who gave a visit's answers: a coordinator documenting the visit, or the patient through a follow-up link. */
public enum ReportedBy {
    STAFF, PATIENT
}
