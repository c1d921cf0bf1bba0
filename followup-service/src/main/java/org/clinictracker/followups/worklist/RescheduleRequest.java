package org.clinictracker.followups.worklist;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;

/** A visit's new due day and why it moved (kept in visit_reschedule, shown to whoever looks at the visit later). */
public record RescheduleRequest(
        @NotNull LocalDate dueOn,
        @NotBlank @MultilineText @Size(max = 1000) String reason) {
}
