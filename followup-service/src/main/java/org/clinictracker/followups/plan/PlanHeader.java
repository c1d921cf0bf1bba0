package org.clinictracker.followups.plan;

import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.vocabulary.Modality;

/** What an amendment compares a plan with: the procedure facts the plan was made (or last amended) from. */
record PlanHeader(UUID id, UUID procedureId, UUID patientId, Modality modality, int protocolVersion,
        LocalDate performedOn, int treatmentNumber, UUID previousProcedureId, Integer baselinePainScore) {
}
