package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.followups.worklist.Rescheduling.Window;
import org.clinictracker.followups.worklist.VisitChanges.LockedVisit;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinators' worklist and what they do with a visit on it: take it (assign) and move it (reschedule).
 * Only open and missed visits can be assigned or moved: a completed or cancelled visit is history.
 */
@Service
public class Worklist {

    private final WorklistRepository worklist;
    private final VisitChanges changes;
    private final ClinicCalendar calendar;
    private final Rescheduling rescheduling;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Worklist(WorklistRepository worklist, VisitChanges changes, ClinicCalendar calendar, Rescheduling rescheduling,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.worklist = worklist;
        this.changes = changes;
        this.calendar = calendar;
        this.rescheduling = rescheduling;
        this.audit = audit;
        this.events = events;
    }

    /** A page of the worklist in urgency order; each patient shown is recorded in the audit trail. */
    @Transactional
    public PageOf<WorklistItem> list(WorklistFilter filter, PageRequest page) {
        LocalDate today = calendar.today();
        List<WorklistItem> items = worklist.page(filter, page, today, calendar.now());
        // a short page is the last one, so its rows tell the total without counting (the usual case for a filter)
        boolean lastPage = items.isEmpty() ? page.page() == 0 : items.size() < page.size();
        long total = lastPage ? page.offset() + items.size() : worklist.count(filter, today);
        audit.recordAll(items.stream().map(WorklistItem::patientId).distinct().toList(), "WORKLIST_READ",
                "follow-up worklist");
        return PageOf.of(items, page, total);
    }

    /** Gives the visit to {@code assignee} (null: to nobody); {@code expectedVersion} null skips the check. */
    @Transactional
    public WorklistItem assign(UUID visitId, Integer expectedVersion, String assignee) {
        LockedVisit visit = lockActionable(visitId, expectedVersion, "visit-closed", "assigned");
        String username = assignee == null ? null : assignee.toLowerCase(Locale.ROOT);
        changes.assign(visitId, username);
        audit.record(visit.patientId(), username == null ? "FOLLOW_UP_VISIT_UNASSIGNED" : "FOLLOW_UP_VISIT_ASSIGNED",
                "follow-up visit " + visitId);
        return read(visitId);
    }

    /**
     * Moves the visit to {@code dueOn} with its window around it, open again if it was missed. The patient's
     * consecutive misses stay as they are: a missed visit was missed, and only an outcome shows the patient is
     * followed again.
     */
    @Transactional
    public WorklistItem reschedule(UUID visitId, Integer expectedVersion, LocalDate dueOn, String reason) {
        LockedVisit visit = lockActionable(visitId, expectedVersion, "visit-not-reschedulable", "rescheduled");
        LocalDate today = calendar.today();
        rescheduling.problem(dueOn, visit.window().dueOn(), "OPEN".equals(visit.state()), today).ifPresent(problem -> {
            throw ProblemException.ruleViolations(List.of(new FieldError("dueOn", problem)));
        });
        Window moved = Rescheduling.moved(visit.window(), dueOn);
        changes.reschedule(visitId, visit, moved, reason, Clinician.current().username(), calendar.now());
        audit.record(visit.patientId(), "FOLLOW_UP_VISIT_RESCHEDULED", "follow-up visit " + visitId);
        events.publishEvent(new VisitRescheduled(visitId, visit.patientId()));
        return read(visitId);
    }

    private WorklistItem read(UUID visitId) {
        return worklist.visit(visitId, calendar.today(), calendar.now()).orElseThrow(() -> ProblemException.notFound("Visit", visitId));
    }

    /**
     * The visit, locked for this change: 404 unknown, 412 if the client's version is stale, 409 ({@code conflict})
     * if it is neither open nor missed.
     */
    private LockedVisit lockActionable(UUID visitId, Integer expectedVersion, String conflict, String verb) {
        LockedVisit visit = changes.lock(visitId).orElseThrow(() -> ProblemException.notFound("Visit", visitId));
        if (expectedVersion != null && expectedVersion != visit.version()) {
            throw ProblemException.staleVersion(expectedVersion, visit.version());
        }
        if (!"OPEN".equals(visit.state()) && !"MISSED".equals(visit.state())) {
            throw new ProblemException(HttpStatus.CONFLICT, conflict, "Visit is " + visit.state().toLowerCase(Locale.ROOT),
                    "Only open or missed visits can be " + verb + "; this one is " + visit.state().toLowerCase(Locale.ROOT)
                            + ".")
                    .with("state", visit.state());
        }
        return visit;
    }
}
