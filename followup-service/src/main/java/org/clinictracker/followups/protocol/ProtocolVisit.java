package org.clinictracker.followups.protocol;

import jakarta.validation.constraints.NotNull;

/** One visit of a protocol: due {@code offsetDays} after the procedure, open from before to after that day. */
public record ProtocolVisit(
        @NotNull String label,
        @NotNull Integer offsetDays,
        @NotNull Integer windowBeforeDays,
        @NotNull Integer windowAfterDays) {

    int windowStartDay() {
        return offsetDays - windowBeforeDays;
    }

    int windowEndDay() {
        return offsetDays + windowAfterDays;
    }
}
