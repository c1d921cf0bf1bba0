package org.clinictracker.procedures.followup;

import java.util.UUID;

import org.clinictracker.procedures.adverse.AdverseEventReport;

/**
 * A complication a coordinator noticed at follow-up visit {@code visitId}, as followup-service published it
 * ({@code AdverseEventObserved}), in the shape the procedure's record takes it.
 */
record NoticedAdverseEvent(UUID observationId, UUID visitId, UUID procedureId, UUID patientId,
        AdverseEventReport report) {
}
