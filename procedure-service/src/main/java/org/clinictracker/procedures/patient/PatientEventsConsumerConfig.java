package org.clinictracker.procedures.patient;

import org.apache.kafka.clients.admin.NewTopic;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * How patient events are consumed: the platform's idempotent consumer ({@link EventConsumers}). A
 * malformed event is parked on {@value #DEAD_LETTER_TOPIC}; while the database is unreachable the same
 * event waits for it; any other failure is retried a few times, then parked.
 */
@Configuration(proxyBeanMethods = false)
class PatientEventsConsumerConfig {

    static final String CONTAINER_FACTORY = "patientEventsContainerFactory";
    static final String DEAD_LETTER_TOPIC = Topics.PATIENTS + ".DLT";

    @Bean
    NewTopic patientEventsDeadLetterTopic(EventConsumers consumers) {
        return consumers.deadLetterTopic(Topics.PATIENTS);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> patientEventsContainerFactory(EventConsumers consumers) {
        return consumers.containerFactory(Topics.PATIENTS);
    }
}
