package org.clinictracker.patients.security;

import org.clinictracker.platform.security.ClinicResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what with patients: the clinic's one role table (platform-core's {@code ClinicAccessRules},
 * architecture.md "Roles") for /api/patients; the gateway checks the same table again.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain patientSecurity(HttpSecurity http, ClinicResourceServer resourceServer) throws Exception {
        return resourceServer.applyWithRoleTable(http, "/api/patients", "/api/fhir").build();
    }
}
