package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.vocabulary.Modality;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One visit on the coordinators' worklist: api.md's fields ({@code id} ... {@code assignee}) and what a
 * coordinator needs to act without opening the chart: who the patient is, whether they are already lost to
 * follow-up, how often the visit was moved, and the version to send back in {@code If-Match}.
 *
 * @param lastDay    the last day an outcome counts as on time; after it the visit is marked missed
 * @param kind       {@code PROTOCOL} or {@code SAFETY_CHECK} (added for a serious adverse event)
 * @param mrn        null while the patient's registration has not reached this service
 * @param urgency    why the visit sits where it does in the list ({@link Urgency})
 * @param patientLink the visit's latest link to the patient's questions, null if none was issued
 * @param emailOnFile whether followup-service knows an e-mail address for the patient (a link can be e-mailed)
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
        Urgency urgency,
        @Schema(description = "The visit's latest link to the patient's questions (null: none issued): ISSUED (in the"
                + " clinic, not opened), SENT (e-mailed), SEND_FAILED (the e-mail could not be sent: call), OPENED,"
                + " ANSWERED (the outcome is the patient's; the visit is completed), EXPIRED (past its expiry or"
                + " withdrawn unanswered)", nullable = true)
        PatientLinkState patientLink,
        @Schema(description = "Whether an e-mail address is on file, so a link can be e-mailed")
        boolean emailOnFile) {
}
