package org.clinictracker.followups;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Found by the application's component scan in every test context (it sits in the application's package on the
 * test class path), so all followup-service tests share one context whose clock they can move.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfig {

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
