package org.clinictracker.procedures.rules;

import java.util.List;

import org.clinictracker.platform.problem.FieldError;

/**
 * What the clinic's rules found in one procedure: violations make it impossible as given (the
 * service refuses it with 422), warnings are kept on the record it accepts.
 */
public record RuleCheck(List<FieldError> violations, List<Warning> warnings) {

    public RuleCheck {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    public boolean passes() {
        return violations.isEmpty();
    }
}
