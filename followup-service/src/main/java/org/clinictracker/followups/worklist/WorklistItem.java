package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.vocabulary.Modality;

/**
 * One visit on the coordinators' worklist: api.md's fields ({@code id} ... {@code assignee}) and what a
 * coordinator needs to act without opening the chart: who the patient is, whether they are already lost to
 * follow-up, how often the visit was moved, and the version to send back in {@code If-Match}.
 *
 * @param lastDay    the last day an outcome counts as on time; after it the visit is marked missed
 * @param kind       {@code PROTOCOL} or {@code SAFETY_CHECK} (added for a serious adverse event)
 * @param mrn        null while the patient's registration has not reached this service
 * @param urgency    why the visit sits where it does in the list ({@link Urgency})
 */
public record WorklistItem(
        UUID id,
        UUID patientId,
        UUID procedureId,
        UUID planId,
        String label,
        LocalDate dueOn,
        LocalDate windowStart,
        LocalDate windowEnd,
        LocalDate lastDay,
        VisitStatus status,
        String assignee,
        String mrn,
        String displayName,
        Modality modality,
        String kind,
        int treatmentNumber,
        boolean patientLostToFollowUp,
        int rescheduledCount,
        LocalDate missedOn,
        int version,
        Urgency urgency) {
}
