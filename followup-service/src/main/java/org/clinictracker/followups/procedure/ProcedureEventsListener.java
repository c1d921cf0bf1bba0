package org.clinictracker.followups.procedure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.Topics;
import org.clinictracker.events.procedures.AdverseEventReported;
import org.clinictracker.events.procedures.AdverseEventUpdated;
import org.clinictracker.events.procedures.ProcedureAmended;
import org.clinictracker.events.procedures.ProcedureRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code clinic.procedures.v1} to {@link ProcedureFollowUps}: procedures and their complications,
 * each event in one transaction. Logs carry event ids and types, never patient data.
 */
@Component
class ProcedureEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProcedureEventsListener.class);

    private final ProcedureEventReader reader;
    private final ProcedureFollowUps followUps;

    ProcedureEventsListener(JsonMapper json, ProcedureFollowUps followUps) {
        this.reader = new ProcedureEventReader(json);
        this.followUps = followUps;
    }

    @KafkaListener(topics = Topics.PROCEDURES, groupId = "${spring.kafka.consumer.group-id}",
            containerFactory = ProcedureEventsConsumerConfig.CONTAINER_FACTORY)
    public void onProcedureEvent(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event = reader.read(record.value());
        boolean firstTime;
        if (event.data() instanceof ProcedureRecorded recorded) {
            firstTime = followUps.recorded(event.id(), KnownProcedure.of(recorded));
        } else if (event.data() instanceof ProcedureAmended amended) {
            firstTime = followUps.amended(event.id(), KnownProcedure.of(amended));
        } else if (event.data() instanceof AdverseEventReported e) {
            firstTime = followUps.adverseEvent(event.id(), event.type(), event.occurredAt(),
                    new KnownAdverseEvent(e.adverseEventId(), e.procedureId(), e.patientId(), e.type(), e.severity(),
                            e.serious(), e.onsetOn(), e.outcome(), e.resolvedOn(), e.version(), null));
        } else if (event.data() instanceof AdverseEventUpdated e) {
            firstTime = followUps.adverseEvent(event.id(), event.type(), event.occurredAt(),
                    new KnownAdverseEvent(e.adverseEventId(), e.procedureId(), e.patientId(), e.type(), e.severity(),
                            e.serious(), e.onsetOn(), e.outcome(), e.resolvedOn(), e.version(), null));
        } else {
            firstTime = followUps.skipped(event.id(), event.type());
        }
        if (!firstTime) {
            log.debug("Event {} ({}) was applied before; ignored", event.id(), event.type());
        }
    }
}
