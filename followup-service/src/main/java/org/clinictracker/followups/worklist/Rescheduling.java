package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The clinic's rules for moving a visit. A new due day is today or later (a visit cannot be booked in the past)
 * and at most {@code maxDaysAhead} days away (default 365: a year covers the longest protocol, and a typo such
 * as 2062 for 2026 must not hide a patient from the worklist for decades). The window keeps its widths around
 * the new day, and the visit is missed only after the new window's end.
 */
public final class Rescheduling {

    private final int maxDaysAhead;

    public Rescheduling(int maxDaysAhead) {
        if (maxDaysAhead < 1) {
            throw new IllegalArgumentException("clinic.followups.reschedule.max-days-ahead must be at least 1");
        }
        this.maxDaysAhead = maxDaysAhead;
    }

    public int maxDaysAhead() {
        return maxDaysAhead;
    }

    /** Why {@code newDueOn} cannot be the visit's due day, or empty when it can. */
    public Optional<String> problem(LocalDate newDueOn, LocalDate currentDueOn, boolean open, LocalDate today) {
        if (newDueOn.isBefore(today)) {
            return Optional.of("must not be in the past (today is " + today + ")");
        }
        if (ChronoUnit.DAYS.between(today, newDueOn) > maxDaysAhead) {
            return Optional.of("must be within " + maxDaysAhead + " days from today (by " + today.plusDays(maxDaysAhead)
                    + ")");
        }
        if (open && newDueOn.equals(currentDueOn)) {
            return Optional.of("is already the visit's due day");
        }
        return Optional.empty();
    }

    /** The visit's window moved to {@code newDueOn}, as wide before and after it as it was. */
    public static Window moved(Window current, LocalDate newDueOn) {
        long before = ChronoUnit.DAYS.between(current.windowStart(), current.dueOn());
        long after = ChronoUnit.DAYS.between(current.dueOn(), current.windowEnd());
        return new Window(newDueOn.minusDays(before), newDueOn, newDueOn.plusDays(after));
    }

    /** A visit's window; an outcome is on time up to {@code windowEnd}, which a rescheduled visit's last day is. */
    public record Window(LocalDate windowStart, LocalDate dueOn, LocalDate windowEnd) {
    }
}
