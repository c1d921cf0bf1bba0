package org.clinictracker.patients.patient;

/** Administrative sex as recorded at intake. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
