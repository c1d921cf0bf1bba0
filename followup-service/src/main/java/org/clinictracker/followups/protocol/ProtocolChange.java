package org.clinictracker.followups.protocol;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The visit list that replaces a modality's current protocol (as a new version). */
public record ProtocolChange(@NotNull List<@NotNull @Valid ProtocolVisit> visits) {
}
