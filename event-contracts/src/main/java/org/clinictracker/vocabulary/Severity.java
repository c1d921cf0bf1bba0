package org.clinictracker.vocabulary;

/** How bad a complication is (domain.md, "Adverse events"). */
public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
