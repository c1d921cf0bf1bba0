package org.clinictracker.events.procedures;

import java.time.LocalDate;
import java.util.UUID;

/** A complication of a procedure was reported; {@code serious} ones must stand out wherever they are shown. */
public record AdverseEventReported(UUID adverseEventId, UUID procedureId, UUID patientId, String type,
        String severity, boolean serious, LocalDate onsetOn, String outcome, LocalDate resolvedOn, int version)
        implements ProcedureEvent {
}
