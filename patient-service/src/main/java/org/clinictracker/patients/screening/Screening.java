package org.clinictracker.patients.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One candidacy screening as recorded, with every override a proceduralist made of it (oldest first).
 * The latest override, if any, is what counts.
 */
public record Screening(UUID id, UUID patientId, ScreeningAnswers answers, ScreeningResult result,
        List<Reason> reasons, Instant screenedAt, String screenedBy, List<Override> overrides) {

    public record Reason(String code, String message) {
    }

    public record Override(UUID id, ScreeningResult result, String reason, String overriddenBy, Instant overriddenAt) {
    }

    @JsonProperty
    public Override override() {
        return overrides.isEmpty() ? null : overrides.get(overrides.size() - 1);
    }

    @JsonProperty
    public ScreeningResult effectiveResult() {
        Override latest = override();
        return latest == null ? result : latest.result();
    }
}
