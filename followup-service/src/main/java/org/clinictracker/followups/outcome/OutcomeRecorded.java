package org.clinictracker.followups.outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * In-process: an outcome and the plan's response so far were stored. Published inside that transaction, so a
 * listener's change (the expected end of relief, the patient's misses in a row) commits or fails with it.
 */
public record OutcomeRecorded(UUID visitId, UUID planId, UUID patientId, UUID procedureId, LocalDate assessedOn) {
}
