package org.clinictracker.patients.screening;

/** The outcome of candidacy screening; a proceduralist may override it with a reason. */
public enum ScreeningResult {
    ELIGIBLE,
    NOT_ELIGIBLE,
    NEEDS_REVIEW
}
