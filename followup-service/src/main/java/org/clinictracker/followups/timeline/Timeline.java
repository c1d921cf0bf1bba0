package org.clinictracker.followups.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient's follow-up story in time order: procedures, plans, visits, outcomes, complications, candidates. */
public record Timeline(UUID patientId, String mrn, String displayName, LocalDate lostToFollowUpSince,
        List<TimelineEntry> entries) {
}
