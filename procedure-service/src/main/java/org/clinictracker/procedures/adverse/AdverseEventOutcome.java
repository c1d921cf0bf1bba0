package org.clinictracker.procedures.adverse;

public enum AdverseEventOutcome {
    RESOLVED,
    RESOLVING,
    ONGOING,
    RESOLVED_WITH_SEQUELAE
}
