package org.clinictracker.followups.relief;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;

/** One of a patient's plans, as far as its relief tells about another's. */
public record TreatedPlan(UUID planId, UUID procedureId, UUID previousProcedureId, Modality modality,
        LocalDate performedOn, List<TreatedTarget> targets, LocalDate reliefEndedOn) {
}
