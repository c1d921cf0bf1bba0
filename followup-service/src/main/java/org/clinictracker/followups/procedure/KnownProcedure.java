package org.clinictracker.followups.procedure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.ProcedureAmended;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;

/** A procedure as followup-service knows it: the latest version procedure-service published. */
public record KnownProcedure(UUID id, UUID patientId, Instant performedAt, Modality modality, String indicationCode,
        List<TreatedTarget> targets, Integer painBefore, int treatmentNumber, UUID previousProcedureId,
        boolean earlyRepeat, int version) {

    public KnownProcedure {
        targets = List.copyOf(targets);
    }

    static KnownProcedure of(ProcedureRecorded e) {
        return new KnownProcedure(e.procedureId(), e.patientId(), e.performedAt(), Modality.valueOf(e.modality()),
                e.indicationCode(), e.targets(), e.painBefore(), e.treatmentNumber(), e.previousProcedureId(),
                e.earlyRepeat(), e.version());
    }

    static KnownProcedure of(ProcedureAmended e) {
        return new KnownProcedure(e.procedureId(), e.patientId(), e.performedAt(), Modality.valueOf(e.modality()),
                e.indicationCode(), e.targets(), e.painBefore(), e.treatmentNumber(), e.previousProcedureId(),
                e.earlyRepeat(), e.version());
    }
}
