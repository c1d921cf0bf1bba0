package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.vocabulary.Modality;

/**
 * What a coordinator narrowed the worklist to; every part is optional and they combine with AND (a status and a
 * view both apply). {@code dueFrom} and {@code dueTo} are inclusive clinic days; {@code unassigned} keeps the
 * visits nobody has taken yet.
 */
public record WorklistFilter(UUID patientId, Set<VisitStatus> statuses, LocalDate dueFrom, LocalDate dueTo,
        String assignee, boolean unassigned, Modality modality, WorklistView view) {

    public WorklistFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (dueFrom != null && dueTo != null && dueFrom.isAfter(dueTo)) {
            throw ProblemException.invalidField("dueFrom", "must not be after dueTo");
        }
        if (unassigned && assignee != null) {
            throw ProblemException.invalidField("unassigned", "cannot be combined with an assignee");
        }
    }

    public static WorklistFilter everything() {
        return new WorklistFilter(null, Set.of(), null, null, null, false, null, null);
    }
}
