package org.clinictracker.vocabulary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An indication as clients send it, to patient intake and to a procedure: a catalogue code, and a
 * text that describes {@link Indication#OTHER} (or adds detail to any code).
 */
public record IndicationEntry(@NotNull Indication code, @Size(max = 500) String text) {

    public String icd10() {
        return code == null ? null : code.icd10();
    }

    /** {@code OTHER} says nothing by itself: it needs its text. */
    public boolean lacksTextForOther() {
        return code == Indication.OTHER && (text == null || text.isBlank());
    }
}
