package org.clinictracker.procedures.procedure;

import java.time.Instant;
import java.util.List;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.procedures.ProcedureAmended;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.clinictracker.events.procedures.TreatedTarget;

/** What other services learn of a procedure: codes, dates and scores, no notes or device details. */
final class ProcedureEvents {

    private ProcedureEvents() {
    }

    static EventEnvelope<ProcedureRecorded> recorded(ProcedureRecord record, Instant at) {
        ProcedureDetails d = record.details();
        return EventEnvelope.of(record.patientId(), new ProcedureRecorded(record.id(), record.patientId(),
                d.performedAt(), d.modality().name(), indicationCode(d), targets(d), d.painBefore(),
                record.link().treatmentNumber(), record.link().previousProcedureId(), record.link().earlyRepeat(),
                record.version()), at);
    }

    static EventEnvelope<ProcedureAmended> amended(ProcedureRecord record, Instant at) {
        ProcedureDetails d = record.details();
        return EventEnvelope.of(record.patientId(), new ProcedureAmended(record.id(), record.patientId(),
                d.performedAt(), d.modality().name(), indicationCode(d), targets(d), d.painBefore(),
                record.link().treatmentNumber(), record.link().previousProcedureId(), record.link().earlyRepeat(),
                record.version()), at);
    }

    private static String indicationCode(ProcedureDetails details) {
        return details.indication() == null ? null : details.indication().code().name();
    }

    private static List<TreatedTarget> targets(ProcedureDetails details) {
        return details.targets().stream()
                .map(target -> new TreatedTarget(target.nerve(), target.laterality().name(), target.level()))
                .toList();
    }
}
