package org.clinictracker.followups.procedure;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.clinictracker.followups.patient.KnownPatients;
import org.clinictracker.platform.inbox.ProcessedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a procedure event means for follow-up, each applied once by its event id in one transaction: the
 * replicas of procedures and complications.
 */
@Service
public class ProcedureFollowUps {

    private final ProcessedEvents processedEvents;
    private final KnownProcedures procedures;
    private final KnownAdverseEvents adverseEvents;
    private final KnownPatients patients;
    private final ZoneId zone;

    ProcedureFollowUps(ProcessedEvents processedEvents, KnownProcedures procedures, KnownAdverseEvents adverseEvents,
            KnownPatients patients, @Value("${clinic.followups.zone:UTC}") ZoneId zone) {
        this.processedEvents = processedEvents;
        this.procedures = procedures;
        this.adverseEvents = adverseEvents;
        this.patients = patients;
        this.zone = zone;
    }

    /** A procedure was logged; false if this event id was applied before. */
    @Transactional
    public boolean recorded(UUID eventId, KnownProcedure procedure) {
        if (!processedEvents.firstDelivery(eventId, "ProcedureRecorded")) {
            return false;
        }
        patients.ensureKnown(procedure.patientId());
        procedures.keepNewer(procedure);
        return true;
    }

    /** A procedure record was corrected; false if this event id was applied before. */
    @Transactional
    public boolean amended(UUID eventId, KnownProcedure procedure) {
        if (!processedEvents.firstDelivery(eventId, "ProcedureAmended")) {
            return false;
        }
        patients.ensureKnown(procedure.patientId());
        procedures.keepNewer(procedure);
        return true;
    }

    /** A complication was reported or its course changed; false if this event id was applied before. */
    @Transactional
    public boolean adverseEvent(UUID eventId, String eventType, Instant occurredAt, KnownAdverseEvent event) {
        if (!processedEvents.firstDelivery(eventId, eventType)) {
            return false;
        }
        adverseEvents.keepNewer(event, occurredAt.atZone(zone).toLocalDate());
        return true;
    }

    /** Claims an event this service has no use for; false if seen before. */
    @Transactional
    public boolean skipped(UUID eventId, String eventType) {
        return processedEvents.firstDelivery(eventId, eventType);
    }
}
