package org.clinictracker.followups.repeat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;

/**
 * A procedure whose relief is waning, for a coordinator to act on (api.md's {@code id, patientId, procedureId,
 * reason, createdAt, status}, with who the patient is and what was treated so the list can be worked as it is).
 * {@code reason} is the text of {@code reasons}, the waning-relief codes of the outcome that made it.
 */
public record RepeatCandidate(UUID id, UUID patientId, UUID procedureId, UUID planId, UUID visitId, String reason,
        List<String> reasons, Instant createdAt, RepeatStatus status, String mrn, String displayName,
        String modality, Integer treatmentNumber, List<TreatedTarget> targets, String decidedBy, Instant decidedAt,
        String decisionReason, UUID repeatProcedureId, int version) {
}
