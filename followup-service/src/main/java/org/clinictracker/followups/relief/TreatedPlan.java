package org.clinictracker.followups.relief;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;

/**
 * One of a patient's plans, as far as its relief tells about another's. {@code reliefEndedOn} alone does not mean
 * there was relief: a repeat treatment ends the plan it repeats on its day, responder or not.
 */
public record TreatedPlan(UUID planId, UUID procedureId, UUID previousProcedureId, Modality modality,
        LocalDate performedOn, List<TreatedTarget> targets, LocalDate responderSince, LocalDate reliefEndedOn) {

    /** How many days the relief of a responder lasted, or null while it goes on or if there never was any. */
    public Integer reliefDays() {
        if (responderSince == null || reliefEndedOn == null) {
            return null;
        }
        return (int) java.time.temporal.ChronoUnit.DAYS.between(performedOn, reliefEndedOn);
    }
}
