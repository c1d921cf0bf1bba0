package org.clinictracker.followups.outcome;

import org.clinictracker.platform.security.Clinician;

/**
 * Who records an outcome, and under which name ({@code recorded_by}). A coordinator's own entry counts as reviewed
 * by them; a patient's answers wait for a coordinator's review.
 */
public record Reporter(ReportedBy kind, String name) {

    public static Reporter staff() {
        return new Reporter(ReportedBy.STAFF, Clinician.current().username());
    }

    public static Reporter patient() {
        // no account: recorded_by 'patient', as the audit trail names the patient acting through a link
        return new Reporter(ReportedBy.PATIENT, Clinician.PATIENT.username());
    }

    boolean reviewsOwnEntry() {
        return kind == ReportedBy.STAFF;
    }
}
