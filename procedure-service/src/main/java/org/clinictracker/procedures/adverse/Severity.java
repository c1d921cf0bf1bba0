package org.clinictracker.procedures.adverse;

public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
