package org.clinictracker.patients.patient;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.vocabulary.Indication;

/** The primary indication: a catalogue code, and for {@code OTHER} (or to add detail) a text. */
public record IndicationEntry(@NotNull Indication code, @Size(max = 500) String text) {

    public String icd10() {
        return code == null ? null : code.icd10();
    }
}
