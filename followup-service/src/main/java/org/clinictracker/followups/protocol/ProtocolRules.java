package org.clinictracker.followups.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.clinictracker.platform.problem.FieldError;

/**
 * What makes a follow-up schedule usable: named visits in time order whose windows never overlap, so
 * every day after a procedure belongs to at most one visit and an outcome can never count for two.
 */
public final class ProtocolRules {

    public static final int MAX_VISITS = 20;
    private static final Pattern LABEL = Pattern.compile("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$");
    private static final int MAX_LABEL_LENGTH = 40;

    private ProtocolRules() {
    }

    /** Every broken rule, each naming its field ({@code visits[2].offsetDays}); empty when the schedule is usable. */
    public static List<FieldError> violations(List<ProtocolVisit> visits) {
        List<FieldError> errors = new ArrayList<>();
        if (visits.isEmpty() || visits.size() > MAX_VISITS) {
            errors.add(new FieldError("visits", "must list 1 to " + MAX_VISITS + " visits"));
            return errors;
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < visits.size(); i++) {
            ProtocolVisit visit = visits.get(i);
            String field = "visits[" + i + "]";
            if (visit.label().length() > MAX_LABEL_LENGTH || !LABEL.matcher(visit.label()).matches()) {
                errors.add(new FieldError(field + ".label", "must be UPPER_SNAKE_CASE, e.g. MONTH_3, at most "
                        + MAX_LABEL_LENGTH + " characters"));
            } else if (!labels.add(visit.label())) {
                errors.add(new FieldError(field + ".label", "is already used by another visit of this protocol"));
            }
            if (visit.offsetDays() < 1) {
                errors.add(new FieldError(field + ".offsetDays", "must be at least 1 day after the procedure"));
            }
            if (visit.windowBeforeDays() < 0) {
                errors.add(new FieldError(field + ".windowBeforeDays", "must not be negative"));
            }
            if (visit.windowAfterDays() < 0) {
                errors.add(new FieldError(field + ".windowAfterDays", "must not be negative"));
            }
            if (i > 0) {
                ProtocolVisit previous = visits.get(i - 1);
                if (visit.offsetDays() <= previous.offsetDays()) {
                    errors.add(new FieldError(field + ".offsetDays", "must be later than the visit before it ("
                            + previous.offsetDays() + " days)"));
                } else if (visit.windowStartDay() <= previous.windowEndDay()) {
                    errors.add(new FieldError(field + ".windowBeforeDays", "window overlaps the window of "
                            + previous.label() + " (which ends on day " + previous.windowEndDay() + ")"));
                }
            }
        }
        return errors;
    }
}
