package org.clinictracker.events.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidacy screening was recorded, or a proceduralist overrode one. {@code effectiveResult} is what
 * decides whether the patient may be treated: the override's result where there is one.
 */
public record PatientScreened(UUID patientId, UUID screeningId, String result, List<String> reasonCodes,
        String overrideResult, String effectiveResult, Instant screenedAt) implements PatientEvent {
}
