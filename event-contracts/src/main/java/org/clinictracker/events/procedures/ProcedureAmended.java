package org.clinictracker.events.procedures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A procedure record was corrected; the fields are the corrected record's, {@code version} orders amendments. */
public record ProcedureAmended(UUID procedureId, UUID patientId, Instant performedAt, String modality,
        String indicationCode, List<TreatedTarget> targets, Integer painBefore, int treatmentNumber,
        UUID previousProcedureId, boolean earlyRepeat, int version) implements ProcedureEvent {
}
