package org.clinictracker.events.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidacy screening was recorded, or a proceduralist overrode one. {@code modalities} decides whether
 * the patient may be treated with a given modality: cold-specific conditions rule out only
 * cryoneurolysis. {@code result}, {@code reasonCodes}, {@code overrideResult} and {@code effectiveResult}
 * are the headline (the planned modality's rules, the latest override), kept for older readers.
 * An override's free-text reason stays in patient-service.
 */
public record PatientScreened(UUID patientId, UUID screeningId, String result, List<String> reasonCodes,
        String overrideResult, String effectiveResult, Instant screenedAt, List<ModalityScreening> modalities)
        implements PatientEvent {

    /**
     * One modality's screening.
     *
     * @param overrideId     the latest override that covers this modality, or {@code null}
     * @param overrideResult that override's result, or {@code null}
     * @param effectiveResult what counts: the override's result where there is one, else {@code result}
     */
    public record ModalityScreening(String modality, String result, List<String> reasonCodes, UUID overrideId,
            String overrideResult, String effectiveResult) {
    }
}
