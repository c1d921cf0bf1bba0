package org.clinictracker.procedures.followup;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.followups.AdverseEventObserved;
import org.clinictracker.platform.inbox.EventEnvelopeReader;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.platform.input.StorableText;
import org.clinictracker.procedures.adverse.AdverseEventReport;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message of {@code clinic.followups.v1} with the platform's {@link EventEnvelopeReader} (envelope,
 * typed payload, subject = patient) and checks what the record needs of an {@code AdverseEventObserved}: its
 * ids, codes of the adverse-event vocabulary, an onset date, a short single-line description. A message that
 * fails throws {@link MalformedEvent} (naming the field, never its value); every other follow-up type comes
 * back without a complication, to be skipped. What depends on the procedure (its patient, its date) is
 * {@link NoticedAdverseEvents}' to check.
 */
final class FollowUpEventReader {

    private static final int MAX_DESCRIPTION = 200;
    private static final String TYPE = "AdverseEventObserved";

    /** A message of the topic: {@code noticed} is the complication, or null for a type this service skips. */
    record FollowUpMessage(UUID eventId, String type, NoticedAdverseEvent noticed) {
    }

    private final EventEnvelopeReader envelopes;

    FollowUpEventReader(JsonMapper json) {
        this.envelopes = new EventEnvelopeReader(json, List.of(AdverseEventObserved.class));
    }

    FollowUpMessage read(String value) {
        EventEnvelope<?> event = envelopes.read(value);
        if (event.data() instanceof AdverseEventObserved observed) {
            return new FollowUpMessage(event.id(), event.type(), noticed(observed));
        }
        return new FollowUpMessage(event.id(), event.type(), null);
    }

    private static NoticedAdverseEvent noticed(AdverseEventObserved e) {
        require(e.observationId() != null, "observationId", "is missing");
        require(e.visitId() != null, "visitId", "is missing");
        require(e.procedureId() != null, "procedureId", "is missing");
        require(e.onsetOn() != null, "onsetOn", "is missing");
        AdverseEventReport report = new AdverseEventReport(
                code(e.type(), "type", AdverseEventType::valueOf),
                description(e.description()),
                code(e.severity(), "severity", Severity::valueOf),
                e.serious(),
                e.onsetOn(),
                code(e.outcome(), "outcome", AdverseEventOutcome::valueOf),
                e.resolvedOn(),
                null); // notes stay in followup-service: events carry no free-text notes
        return new NoticedAdverseEvent(e.observationId(), e.visitId(), e.procedureId(), e.patientId(), report);
    }

    /** A short clinical term; blank is none (an OTHER without one is refused against the record's rules). */
    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        require(description.length() <= MAX_DESCRIPTION, "description", "is longer than " + MAX_DESCRIPTION);
        StorableText.problem(description, false).ifPresent(problem -> {
            throw new MalformedEvent(TYPE + " data.description " + problem);
        });
        return description;
    }

    private static <T> T code(String value, String field, Function<String, T> parse) {
        require(value != null, field, "is missing");
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(TYPE + " data." + field + " is not a code of the adverse-event vocabulary");
        }
    }

    private static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new MalformedEvent(TYPE + " data." + field + " " + problem);
        }
    }
}
