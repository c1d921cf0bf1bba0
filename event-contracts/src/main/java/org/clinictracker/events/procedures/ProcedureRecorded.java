package org.clinictracker.events.procedures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A procedure was logged: what followup-service needs to start a plan and to spot repeats.
 * {@code treatmentNumber} counts treatments of the same targets with the same modality (1 = first);
 * {@code previousProcedureId} links a repeat to the one before.
 */
public record ProcedureRecorded(UUID procedureId, UUID patientId, Instant performedAt, String modality,
        String indicationCode, List<TreatedTarget> targets, Integer painBefore, int treatmentNumber,
        UUID previousProcedureId, boolean earlyRepeat, int version) implements ProcedureEvent {
}
