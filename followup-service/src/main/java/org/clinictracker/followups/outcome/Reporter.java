package org.clinictracker.followups.outcome;

import org.clinictracker.platform.security.Clinician;

/**
 * Who records an outcome, and under which name ({@code recorded_by}). A coordinator's own entry counts as reviewed
 * by them; a patient's answers wait for a coordinator's review.
 */
public record Reporter(ReportedBy kind, String name) {

    /** What {@code recorded_by} holds for answers given through a patient link (the patient has no account). */
    public static final String PATIENT_NAME = "patient";

    public static Reporter staff() {
        return new Reporter(ReportedBy.STAFF, Clinician.current().username());
    }

    public static Reporter patient() {
        return new Reporter(ReportedBy.PATIENT, PATIENT_NAME);
    }

    boolean reviewsOwnEntry() {
        return kind == ReportedBy.STAFF;
    }
}
