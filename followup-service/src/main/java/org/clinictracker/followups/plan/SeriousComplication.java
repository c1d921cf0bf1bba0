package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.UUID;

/** A complication of a procedure that was reported serious, and the clinic day that became known. */
public record SeriousComplication(UUID adverseEventId, LocalDate seriousOn) {
}
