package org.clinictracker.followups.procedure;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A complication of a procedure as followup-service knows it (the latest version published).
 *
 * @param seriousSince the clinic day it was first reported serious (by any version); null if never
 */
public record KnownAdverseEvent(UUID id, UUID procedureId, UUID patientId, String type, String severity,
        boolean serious, LocalDate onsetOn, String outcome, LocalDate resolvedOn, int version, LocalDate seriousSince) {
}
