package org.clinictracker.followups.outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * In-process: a visit's outcome and the plan's response (responder, best pain, waning) are stored. Published in
 * the transaction that stored them, so what listeners change (a repeat-treatment candidate, the patient's misses,
 * the expected end of relief) commits or fails with the outcome.
 */
public record OutcomeRecorded(UUID visitId, UUID planId, UUID patientId, UUID procedureId, LocalDate assessedOn) {
}
