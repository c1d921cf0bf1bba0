package org.clinictracker.followups.protocol;

import java.time.Instant;
import java.util.List;

import org.clinictracker.vocabulary.Modality;

/** One version of a modality's follow-up schedule; versions are never edited, only superseded. */
public record Protocol(Modality modality, int version, List<ProtocolVisit> visits, String changedBy, Instant changedAt) {
}
