package org.clinictracker.followups.security;

import org.clinictracker.platform.security.ClinicResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what with follow-ups and repeat treatments: the clinic's one role table (platform-core's
 * {@code ClinicAccessRules}, architecture.md "Roles"); the gateway checks the same table again.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain followupSecurity(HttpSecurity http, ClinicResourceServer resourceServer) throws Exception {
        return resourceServer.applyWithRoleTable(http, "/api/followups", "/api/repeat-treatments", "/api/reports",
                "/api/patient-answers").build();
    }
}
