package org.clinictracker.followups.patient;

import org.apache.kafka.clients.admin.NewTopic;
import org.clinictracker.events.Topics;
import org.clinictracker.platform.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * Patient events are consumed with the platform's idempotent consumer ({@link EventConsumers}): a malformed
 * event is parked on {@value #DEAD_LETTER_TOPIC} and the next one consumed; while the database is down the
 * same event waits for it.
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
