package org.clinictracker.followups.plan;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanConfig {

    @Bean
    FollowUpPlanner followUpPlanner(@Value("${clinic.followups.late-entry-grace-days:14}") int lateEntryGraceDays) {
        return new FollowUpPlanner(lateEntryGraceDays);
    }
}
