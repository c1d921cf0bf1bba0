package org.clinictracker.followups.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.clinictracker.platform.input.VisibleText;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;

/**
 * What bean validation cannot say about an outcome: one field against another, against the procedure day and
 * against today. Every broken rule is named at once, so the coordinator fixes the form in one go.
 */
final class OutcomeRules {

    private OutcomeRules() {
    }

    /**
     * @param assessedOn the day the outcome is assessed on (the report's, or today)
     * @param performedOn the procedure's day
     * @param windowStart the first day of the visit's window
     * @param today the clinic's today
     */
    static List<FieldError> violations(OutcomeReport report, LocalDate assessedOn, LocalDate performedOn,
            LocalDate windowStart, LocalDate today) {
        List<FieldError> violations = new ArrayList<>();
        if (!report.measuresAnything()) {
            violations.add(new FieldError("painScore", "an outcome needs at least one measure: painScore, "
                    + "reliefPercent, functionScore, opioidMmePerDay, satisfaction, sensationReturned, adverseEvents "
                    + "or a PEG item"));
        }
        if (report.functionScore() != null && report.functionScore().value() != null
                && report.functionScore().instrument() != null
                && !report.functionScore().instrument().allows(report.functionScore().value())) {
            violations.add(new FieldError("functionScore.value", "must be within "
                    + report.functionScore().instrument().range() + " for " + report.functionScore().instrument()));
        }
        FunctionScore function = report.functionScore();
        if (function != null && function.instrument() == FunctionInstrument.PEG && function.value() != null) {
            report.pegItems().score()
                    .filter(items -> items.value().compareTo(function.value()) != 0)
                    .ifPresent(items -> violations.add(new FieldError("functionScore.value",
                            "must be the mean of painAverage, pegEnjoyment and pegActivity (" + items.value() + ")")));
        }
        if (assessedOn.isAfter(today)) {
            violations.add(new FieldError("assessedOn", "cannot be in the future (today is " + today + ")"));
        }
        if (assessedOn.isBefore(performedOn)) {
            violations.add(new FieldError("assessedOn", "cannot be before the procedure (" + performedOn + ")"));
        } else if (assessedOn.isBefore(windowStart)) {
            // an assessment from before the window belongs to an earlier visit, and would misdate the response
            violations.add(new FieldError("assessedOn", "cannot be before the visit's window (opens " + windowStart + ")"));
        }
        List<NoticedAdverseEvent> events = report.adverseEventsOrNone();
        for (int i = 0; i < events.size(); i++) {
            violations.addAll(adverseEvent(events.get(i), "adverseEvents[" + i + "].", performedOn, assessedOn));
        }
        return violations;
    }

    private static List<FieldError> adverseEvent(NoticedAdverseEvent event, String prefix, LocalDate performedOn,
            LocalDate assessedOn) {
        List<FieldError> violations = new ArrayList<>();
        if (event.type() == AdverseEventType.OTHER && VisibleText.isBlank(event.description())) {
            violations.add(new FieldError(prefix + "description", "must describe the adverse event when the type is OTHER"));
        }
        if (event.onsetOn() != null) {
            if (event.onsetOn().isBefore(performedOn)) {
                violations.add(new FieldError(prefix + "onsetOn", "cannot be before the procedure (" + performedOn + ")"));
            }
            if (event.onsetOn().isAfter(assessedOn)) {
                violations.add(new FieldError(prefix + "onsetOn", "cannot be after the assessment (" + assessedOn + ")"));
            }
        }
        boolean resolved = event.outcome() == AdverseEventOutcome.RESOLVED
                || event.outcome() == AdverseEventOutcome.RESOLVED_WITH_SEQUELAE;
        if (event.resolvedOn() != null) {
            if (!resolved) {
                violations.add(new FieldError(prefix + "resolvedOn", "is only given for a resolved outcome"));
            }
            if (event.onsetOn() != null && event.resolvedOn().isBefore(event.onsetOn())) {
                violations.add(new FieldError(prefix + "resolvedOn", "cannot be before the onset (" + event.onsetOn() + ")"));
            }
            if (event.resolvedOn().isAfter(assessedOn)) {
                violations.add(new FieldError(prefix + "resolvedOn", "cannot be after the assessment (" + assessedOn + ")"));
            }
        }
        return violations;
    }
}
