package org.clinictracker.procedures.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.platform.inbox.ProcessedEvents;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.procedures.adverse.AdverseEventLog;
import org.clinictracker.procedures.adverse.AdverseEventLog.ProcedureRef;
import org.clinictracker.procedures.adverse.AdverseEventReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaches the complications noticed at follow-up visits to the procedures' records, each event in one
 * transaction with its {@code processed_event} row: a redelivered event id changes nothing, and neither does
 * the same observation under another event id (the record's unique {@code observation_id}).
 * <p>
 * An observation this record cannot take is malformed, parked on the dead-letter topic rather than retried,
 * since waiting cannot mend it: a procedure id unknown here (followup-service learned it from this service's
 * own events, and records are amended, never deleted), a procedure of another patient than the event's, or a
 * course the record's rules refuse from a clinician too (onset before the procedure or in the future, a
 * resolution date without a resolved outcome or before the onset, an {@code OTHER} without a description).
 */
@Service
class NoticedAdverseEvents {

    static final String EVENT_TYPE = "AdverseEventObserved";

    /** What applying an event did. */
    enum Applied {
        /** The complication is on the record now, audited and published as {@code AdverseEventReported}. */
        ATTACHED,
        /** This observation was attached before, under another event id. */
        OBSERVATION_ALREADY_ATTACHED,
        /** This event id was applied before. */
        ALREADY_APPLIED
    }

    private final AdverseEventLog adverseEvents;
    private final ProcessedEvents processedEvents;
    private final Clock clock;

    NoticedAdverseEvents(AdverseEventLog adverseEvents, ProcessedEvents processedEvents, Clock clock) {
        this.adverseEvents = adverseEvents;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    @Transactional
    public Applied attach(UUID eventId, NoticedAdverseEvent noticed) {
        if (!processedEvents.firstDelivery(eventId, EVENT_TYPE)) {
            return Applied.ALREADY_APPLIED;
        }
        ProcedureRef procedure = adverseEvents.procedure(noticed.procedureId()).orElseThrow(
                () -> new MalformedEvent(EVENT_TYPE + " data.procedureId names no procedure recorded here"));
        if (!procedure.patientId().equals(noticed.patientId())) {
            throw new MalformedEvent(EVENT_TYPE + " data.procedureId is another patient's procedure");
        }
        List<String> refused = refusedFields(noticed.report(), procedure, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (!refused.isEmpty()) {
            // field names only: the values (dates of a patient's care) must not reach logs or headers
            throw new MalformedEvent(EVENT_TYPE + " data." + String.join(", data.", refused)
                    + " contradict the procedure's record");
        }
        return adverseEvents.attachNoticedAtFollowUp(procedure, noticed.report(), noticed.visitId(),
                noticed.observationId()).isPresent() ? Applied.ATTACHED : Applied.OBSERVATION_ALREADY_ATTACHED;
    }

    /** Records a follow-up event this service has no use for as processed; false if it was seen before. */
    @Transactional
    public boolean skip(UUID eventId, String eventType) {
        return processedEvents.firstDelivery(eventId, eventType);
    }

    /**
     * The fields of {@code report} the record refuses for {@code procedure}: the rules a proceduralist's report
     * meets ({@link AdverseEventLog#violations}), and no onset or resolution after {@code today} (UTC's).
     */
    static List<String> refusedFields(AdverseEventReport report, ProcedureRef procedure, LocalDate today) {
        List<String> fields = new ArrayList<>(AdverseEventLog.violations(report, procedure).stream()
                .map(FieldError::field).distinct().toList());
        // a day's slack, as for the onset: the dates are the clinic's, today here is UTC's
        LocalDate latest = today.plusDays(1);
        if (report.onsetOn().isAfter(latest) && !fields.contains("onsetOn")) {
            fields.add("onsetOn");
        }
        if (report.resolvedOn() != null && report.resolvedOn().isAfter(latest) && !fields.contains("resolvedOn")) {
            fields.add("resolvedOn");
        }
        return fields;
    }
}
