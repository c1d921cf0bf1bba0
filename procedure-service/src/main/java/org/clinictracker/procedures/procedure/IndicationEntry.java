package org.clinictracker.procedures.procedure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.vocabulary.Indication;

/** Why this procedure was done: a catalogue code, and text for {@code OTHER} or detail. */
public record IndicationEntry(@NotNull Indication code, @Size(max = 500) String text) {
}
