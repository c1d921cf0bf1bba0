package org.clinictracker.followups.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.procedures.AdverseEventReported;
import org.clinictracker.events.procedures.AdverseEventUpdated;
import org.clinictracker.events.procedures.ProcedureAmended;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.platform.inbox.EventEnvelopeReader;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.Modality;
import org.clinictracker.vocabulary.Severity;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message of {@code clinic.procedures.v1} with the platform's {@link EventEnvelopeReader} and checks
 * what plans are made from: ids, a performed time, a modality and targets from the vocabulary, scores on
 * their scales, a complication's codes. A plan made from a guessed value could send a patient to the wrong
 * visits, so a message that fails throws {@link MalformedEvent} (dead-letter topic) instead.
 */
final class ProcedureEventReader {

    private static final int MAX_CODE = 60;

    private final EventEnvelopeReader envelopes;

    ProcedureEventReader(JsonMapper json) {
        this.envelopes = new EventEnvelopeReader(json, List.of(ProcedureRecorded.class, ProcedureAmended.class,
                AdverseEventReported.class, AdverseEventUpdated.class));
    }

    EventEnvelope<?> read(String value) {
        EventEnvelope<?> event = envelopes.read(value);
        String type = event.type();
        if (event.data() instanceof ProcedureRecorded e) {
            checkProcedure(type, e.procedureId(), e.performedAt(), e.modality(), e.indicationCode(), e.targets(),
                    e.painBefore(), e.treatmentNumber(), e.previousProcedureId(), e.version());
        } else if (event.data() instanceof ProcedureAmended e) {
            checkProcedure(type, e.procedureId(), e.performedAt(), e.modality(), e.indicationCode(), e.targets(),
                    e.painBefore(), e.treatmentNumber(), e.previousProcedureId(), e.version());
        } else if (event.data() instanceof AdverseEventReported e) {
            checkAdverseEvent(type, e.adverseEventId(), e.procedureId(), e.type(), e.severity(), e.onsetOn(),
                    e.outcome(), e.version());
        } else if (event.data() instanceof AdverseEventUpdated e) {
            checkAdverseEvent(type, e.adverseEventId(), e.procedureId(), e.type(), e.severity(), e.onsetOn(),
                    e.outcome(), e.version());
        }
        return event;
    }

    private static void checkProcedure(String type, UUID procedureId, Instant performedAt, String modality,
            String indicationCode, List<TreatedTarget> targets, Integer painBefore, int treatmentNumber,
            UUID previousProcedureId, int version) {
        require(procedureId != null, type, "procedureId", "is missing");
        require(performedAt != null, type, "performedAt", "is missing");
        code(modality, Modality.class, type, "modality");
        require(indicationCode == null || (!indicationCode.isBlank() && indicationCode.length() <= MAX_CODE), type,
                "indicationCode", "is blank or longer than " + MAX_CODE);
        require(targets != null && !targets.isEmpty(), type, "targets", "is missing or empty");
        for (TreatedTarget target : targets) {
            require(target != null, type, "targets", "has an empty entry");
            require(target.nerve() != null && !target.nerve().isBlank() && target.nerve().length() <= MAX_CODE, type,
                    "targets.nerve", "is missing, blank or longer than " + MAX_CODE);
            code(target.laterality(), Laterality.class, type, "targets.laterality");
            require(target.level() == null || target.level().length() <= MAX_CODE, type, "targets.level",
                    "is longer than " + MAX_CODE);
        }
        require(painBefore == null || (painBefore >= 0 && painBefore <= 10), type, "painBefore",
                "is not between 0 and 10");
        require(treatmentNumber >= 1, type, "treatmentNumber", "is below 1");
        require(!procedureId.equals(previousProcedureId), type, "previousProcedureId", "is the procedure itself");
        require(version >= 0, type, "version", "is negative");
    }

    private static void checkAdverseEvent(String type, UUID adverseEventId, UUID procedureId, String eventType,
            String severity, LocalDate onsetOn, String outcome, int version) {
        require(adverseEventId != null, type, "adverseEventId", "is missing");
        require(procedureId != null, type, "procedureId", "is missing");
        code(eventType, AdverseEventType.class, type, "type");
        code(severity, Severity.class, type, "severity");
        require(onsetOn != null, type, "onsetOn", "is missing");
        code(outcome, AdverseEventOutcome.class, type, "outcome");
        require(version >= 0, type, "version", "is negative");
    }

    private static <E extends Enum<E>> void code(String value, Class<E> vocabulary, String type, String field) {
        require(value != null, type, field, "is missing");
        try {
            Enum.valueOf(vocabulary, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(type + " data." + field + " is not a known " + vocabulary.getSimpleName());
        }
    }

    private static void require(boolean condition, String type, String field, String problem) {
        if (!condition) {
            throw new MalformedEvent(type + " data." + field + " " + problem);
        }
    }
}
