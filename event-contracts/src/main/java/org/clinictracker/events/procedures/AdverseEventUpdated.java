package org.clinictracker.events.procedures;

import java.time.LocalDate;
import java.util.UUID;

/** The course of a reported complication changed (typically its outcome and resolution date). */
public record AdverseEventUpdated(UUID adverseEventId, UUID procedureId, UUID patientId, String type,
        String severity, boolean serious, LocalDate onsetOn, String outcome, LocalDate resolvedOn, int version)
        implements ProcedureEvent {
}
