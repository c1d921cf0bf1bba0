package org.clinictracker.procedures.followup;

import org.apache.kafka.clients.admin.NewTopic;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * How followup-service's events are consumed: the platform's idempotent consumer ({@link EventConsumers}),
 * as for patient events. A malformed event is parked on {@value #DEAD_LETTER_TOPIC}; while the database is
 * unreachable the same event waits for it; any other failure is retried a few times, then parked.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpEventsConsumerConfig {

    static final String CONTAINER_FACTORY = "followUpEventsContainerFactory";
    static final String DEAD_LETTER_TOPIC = Topics.FOLLOWUPS + ".DLT";

    @Bean
    NewTopic followUpEventsDeadLetterTopic(EventConsumers consumers) {
        return consumers.deadLetterTopic(Topics.FOLLOWUPS);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> followUpEventsContainerFactory(EventConsumers consumers) {
        return consumers.containerFactory(Topics.FOLLOWUPS);
    }
}
