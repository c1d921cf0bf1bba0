package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a plan's visits follow an amended procedure (a corrected day, or a corrected modality whose protocol
 * then applies). Only what has not happened moves: completed and missed visits keep their days, and so does
 * an open visit a coordinator rescheduled (a day agreed with the patient). Every other open protocol visit
 * takes the schedule's day and window; one the schedule no longer has is cancelled, and a visit the schedule
 * has but the plan lacks is added (or, if an earlier correction cancelled it, reopened). An open safety
 * check stays tied to its complication but never falls before the day after the procedure. A plan that a
 * repeat treatment has superseded gets nothing new.
 */
final class ScheduleRevision {

    sealed interface Change permits Move, Cancel, Add {
    }

    /** The visit takes {@code to}'s days (and, if it was cancelled, opens again). */
    record Move(UUID visitId, ScheduledVisit to) implements Change {
    }

    record Cancel(UUID visitId) implements Change {
    }

    record Add(ScheduledVisit visit) implements Change {
    }

    private ScheduleRevision() {
    }

    static List<Change> changes(List<PlanVisit> visits, List<ScheduledVisit> schedule, LocalDate performedOn,
            boolean superseded, FollowUpPlanner planner, LocalDate today) {
        Map<String, ScheduledVisit> byLabel = schedule.stream()
                .collect(Collectors.toMap(ScheduledVisit::label, Function.identity()));
        List<Change> changes = new ArrayList<>();
        for (PlanVisit visit : visits) {
            if (visit.protocol()) {
                ScheduledVisit to = byLabel.get(visit.label());
                if (visit.open() && visit.rescheduledCount() == 0) {
                    if (to == null) {
                        changes.add(new Cancel(visit.id()));
                    } else if (!visit.sameDates(to) || !Integer.valueOf(to.offsetDays()).equals(visit.offsetDays())) {
                        changes.add(new Move(visit.id(), to));
                    }
                } else if ("CANCELLED".equals(visit.state()) && to != null && !superseded) {
                    changes.add(new Move(visit.id(), to));
                }
            } else if (visit.open() && visit.dueOn().isBefore(performedOn.plusDays(1))) {
                changes.add(new Move(visit.id(),
                        SafetyCheckSchedule.schedule(planner, visit.label(), performedOn.plusDays(1), today)));
            }
        }
        if (!superseded) {
            Set<String> planned = visits.stream().map(PlanVisit::label).collect(Collectors.toSet());
            schedule.stream().filter(visit -> !planned.contains(visit.label())).map(Add::new).forEach(changes::add);
        }
        return List.copyOf(changes);
    }
}
