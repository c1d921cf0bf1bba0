package org.clinictracker.followups.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;

/** What a plan is made from: a procedure as procedure-service recorded (or last amended) it. */
public record ProcedureFacts(UUID procedureId, UUID patientId, Instant performedAt, Modality modality,
        String indicationCode, List<TreatedTarget> targets, Integer painBefore, int treatmentNumber,
        UUID previousProcedureId) {
}
