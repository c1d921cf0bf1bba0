package org.clinictracker.events.procedures;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A complication of a procedure was reported; {@code serious} ones must stand out wherever they are shown.
 * {@code source} is {@code PROCEDURALIST} or {@code FOLLOW_UP}; one noticed at a follow-up visit carries the
 * {@code observationId} of followup-service's {@code AdverseEventObserved} it came from. Both are absent in
 * events published before follow-up visits reported complications.
 */
public record AdverseEventReported(UUID adverseEventId, UUID procedureId, UUID patientId, String type,
        String severity, boolean serious, LocalDate onsetOn, String outcome, LocalDate resolvedOn, int version,
        String source, UUID observationId)
        implements ProcedureEvent {

    public AdverseEventReported {
        // events published before follow-up visits reported complications: all a proceduralist's
        if (source == null) {
            source = "PROCEDURALIST";
        }
    }

    /** A complication reported by a proceduralist, as the event read before it named its source. */
    public AdverseEventReported(UUID adverseEventId, UUID procedureId, UUID patientId, String type, String severity,
            boolean serious, LocalDate onsetOn, String outcome, LocalDate resolvedOn, int version) {
        this(adverseEventId, procedureId, patientId, type, severity, serious, onsetOn, outcome, resolvedOn, version,
                "PROCEDURALIST", null);
    }
}
