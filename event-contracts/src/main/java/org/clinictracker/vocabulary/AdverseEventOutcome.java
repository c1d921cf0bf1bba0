package org.clinictracker.vocabulary;

/** Where a complication stands: resolved, resolving, ongoing, or resolved with lasting effects. */
public enum AdverseEventOutcome {
    RESOLVED,
    RESOLVING,
    ONGOING,
    RESOLVED_WITH_SEQUELAE
}
