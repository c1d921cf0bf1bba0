package org.clinictracker.procedures.patient;

/** A candidacy screening's verdict as patient-service publishes it; a proceduralist may override it. */
public enum ScreeningResult {
    ELIGIBLE,
    NOT_ELIGIBLE,
    NEEDS_REVIEW
}
