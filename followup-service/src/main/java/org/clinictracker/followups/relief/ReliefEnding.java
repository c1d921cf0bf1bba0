package org.clinictracker.followups.relief;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;

/**
 * A responder whose relief is expected to end soon: whom to call to book a review before the pain returns.
 * {@code lostToFollowUpSince} is set when the patient stopped coming to visits: the call matters all the more.
 */
public record ReliefEnding(UUID patientId, String mrn, String displayName, UUID planId, UUID procedureId,
        Modality modality, List<TreatedTarget> targets, LocalDate performedOn, int treatmentNumber,
        LocalDate responderSince, ExpectedReliefEnd expectedReliefEnd, LocalDate lostToFollowUpSince) {
}
