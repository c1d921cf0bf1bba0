package org.clinictracker.followups.report;

import java.time.LocalDate;

import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Modality;

/** Which procedures a report covers: performed in {@code [from, to]}, narrowed by any of the other filters. */
public record ReportScope(Modality modality, Indication indication, String nerve, LocalDate from, LocalDate to) {
}
