package org.clinictracker.events.followups;

import java.time.LocalDate;
import java.util.UUID;

/** One visit of a plan as events carry it: its protocol label and the days it is due and open. */
public record PlannedVisit(UUID visitId, String label, LocalDate dueOn, LocalDate windowStart, LocalDate windowEnd) {
}
