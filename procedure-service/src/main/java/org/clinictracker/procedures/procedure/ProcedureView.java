package org.clinictracker.procedures.procedure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinictracker.procedures.adverse.AdverseEvent;
import org.clinictracker.procedures.rules.Warning;
import org.clinictracker.vocabulary.Modality;
import org.clinictracker.vocabulary.IndicationEntry;

/**
 * A procedure as clients read it: the logged details, who performed it, its place among repeat
 * treatments, the rules' warnings and its adverse events, with serious ones flagged.
 */
public record ProcedureView(
        UUID id,
        int version,
        UUID patientId,
        Instant performedAt,
        String performedBy,
        Modality modality,
        IndicationEntry indication,
        List<TargetSite> targets,
        ImagingGuidance imagingGuidance,
        Device device,
        CryoParameters cryo,
        RfaParameters rfa,
        BlockParameters block,
        String localAnesthetic,
        String sedation,
        Integer painBefore,
        Integer painAfter,
        String notes,
        int treatmentNumber,
        UUID previousProcedureId,
        Integer daysSincePrevious,
        boolean earlyRepeat,
        List<Warning> warnings,
        List<AdverseEvent> adverseEvents,
        boolean hasSeriousAdverseEvent,
        Instant recordedAt,
        String recordedBy,
        Instant amendedAt,
        String amendedBy) {

    public static ProcedureView of(ProcedureRecord record, List<AdverseEvent> adverseEvents) {
        ProcedureDetails d = record.details();
        return new ProcedureView(record.id(), record.version(), d.patientId(), d.performedAt(), record.performedBy(),
                d.modality(), d.indication(), d.targets(), d.imagingGuidance(), d.device(), d.cryo(), d.rfa(), d.block(),
                d.localAnesthetic(), d.sedation(), d.painBefore(), d.painAfter(), d.notes(),
                record.link().treatmentNumber(), record.link().previousProcedureId(), record.link().daysSincePrevious(),
                record.link().earlyRepeat(), record.warnings(), adverseEvents,
                adverseEvents.stream().anyMatch(AdverseEvent::serious), record.recordedAt(), record.recordedBy(),
                record.amendedAt(), record.amendedBy());
    }
}
