package org.clinictracker.followups.procedure;

import org.apache.kafka.clients.admin.NewTopic;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * Procedure events are consumed with the platform's idempotent consumer ({@link EventConsumers}): a
 * malformed event is parked on {@value #DEAD_LETTER_TOPIC} and the next one consumed; while the database is
 * down the same event waits for it.
 */
@Configuration(proxyBeanMethods = false)
class ProcedureEventsConsumerConfig {

    static final String CONTAINER_FACTORY = "procedureEventsContainerFactory";
    static final String DEAD_LETTER_TOPIC = Topics.PROCEDURES + ".DLT";

    @Bean
    NewTopic procedureEventsDeadLetterTopic(EventConsumers consumers) {
        return consumers.deadLetterTopic(Topics.PROCEDURES);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> procedureEventsContainerFactory(EventConsumers consumers) {
        return consumers.containerFactory(Topics.PROCEDURES);
    }
}
