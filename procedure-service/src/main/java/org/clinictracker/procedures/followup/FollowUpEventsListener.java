package org.clinictracker.procedures.followup;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.procedures.followup.FollowUpEventReader.FollowUpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the complications noticed at follow-up visits from {@code clinic.followups.v1} onto the procedures'
 * records ({@link NoticedAdverseEvents}); the topic's other events are claimed and skipped. A message that
 * is not a valid event throws {@link MalformedEvent} and is parked on the dead-letter topic; anything else
 * that fails is retried (see {@link FollowUpEventsConsumerConfig}). Logs carry event ids and types, never
 * patient data.
 */
@Component
class FollowUpEventsListener {

    private static final Logger log = LoggerFactory.getLogger(FollowUpEventsListener.class);

    private final FollowUpEventReader reader;
    private final NoticedAdverseEvents noticedAdverseEvents;

    FollowUpEventsListener(JsonMapper json, NoticedAdverseEvents noticedAdverseEvents) {
        this.reader = new FollowUpEventReader(json);
        this.noticedAdverseEvents = noticedAdverseEvents;
    }

    @KafkaListener(topics = Topics.FOLLOWUPS, groupId = "${spring.kafka.consumer.group-id}",
            containerFactory = FollowUpEventsConsumerConfig.CONTAINER_FACTORY)
    public void onFollowUpEvent(ConsumerRecord<String, String> record) {
        FollowUpMessage message = reader.read(record.value());
        if (message.noticed() == null) {
            // plans, outcomes, misses, repeat candidates: followup-service's business, not the record's
            if (!noticedAdverseEvents.skip(message.eventId(), message.type())) {
                log.debug("Event {} ({}) was seen before; ignored", message.eventId(), message.type());
            }
            return;
        }
        NoticedAdverseEvents.Applied applied = noticedAdverseEvents.attach(message.eventId(), message.noticed());
        if (applied != NoticedAdverseEvents.Applied.ATTACHED) {
            log.info("Event {} ({}) changed nothing: {}", message.eventId(), message.type(), applied);
        }
    }
}
