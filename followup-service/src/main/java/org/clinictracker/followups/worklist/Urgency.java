package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.util.Comparator;

import org.clinictracker.followups.plan.VisitStatus;

/**
 * How urgent a visit is for a coordinator, in the order the worklist shows them:
 * <ol>
 * <li>{@link #SAFETY_CHECK}: a check added for a serious adverse event, while it is still open or missed,
 * earliest due day first: a complication comes before any routine visit;</li>
 * <li>{@link #LATE}: missed or overdue visits, oldest due day first: the longer a patient goes unseen, the more
 * likely they are lost;</li>
 * <li>{@link #DUE}: visits in their window, the window that closes first first;</li>
 * <li>{@link #SCHEDULED}: visits whose window has not opened, by due day;</li>
 * <li>{@link #CLOSED}: completed or cancelled (only listed when asked for by status), by due day.</li>
 * </ol>
 * Ties go by visit id, so pages never overlap. {@code WorklistRepository} sorts in SQL by exactly this rule; the
 * worklist tests check that the SQL's order is {@link #ORDER}.
 */
public enum Urgency {
    SAFETY_CHECK, LATE, DUE, SCHEDULED, CLOSED;

    /** Visit kind of a check added for a serious adverse event (follow_up_visit.kind). */
    public static final String SAFETY_CHECK_KIND = "SAFETY_CHECK";

    /** The worklist's order; {@code WorklistItem}s sorted by it are sorted as the worklist answers. */
    public static final Comparator<WorklistItem> ORDER = Comparator
            .comparing(WorklistItem::urgency)
            .thenComparing(Urgency::sortDay)
            // PostgreSQL orders uuids by their unsigned bytes, i.e. by their text; Java's UUID.compareTo is signed
            .thenComparing(item -> item.id().toString());

    public static Urgency of(String kind, VisitStatus status) {
        return switch (status) {
            case COMPLETED, CANCELLED -> CLOSED;
            case MISSED, OVERDUE -> SAFETY_CHECK_KIND.equals(kind) ? SAFETY_CHECK : LATE;
            case DUE -> SAFETY_CHECK_KIND.equals(kind) ? SAFETY_CHECK : DUE;
            case SCHEDULED -> SAFETY_CHECK_KIND.equals(kind) ? SAFETY_CHECK : SCHEDULED;
        };
    }

    /** The day a visit is ordered by within its urgency: the window's end for due visits, else the due day. */
    public static LocalDate sortDay(WorklistItem item) {
        return item.urgency() == DUE ? item.windowEnd() : item.dueOn();
    }
}
