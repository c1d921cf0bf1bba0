package org.clinictracker.followups.worklist;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorklistConfig {

    @Bean
    Rescheduling rescheduling(@Value("${clinic.followups.reschedule.max-days-ahead:365}") int maxDaysAhead) {
        return new Rescheduling(maxDaysAhead);
    }
}
