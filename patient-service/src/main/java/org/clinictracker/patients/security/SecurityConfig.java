package org.clinictracker.patients.security;

import static org.clinictracker.platform.security.ClinicRoles.CLINIC_ADMIN;
import static org.clinictracker.platform.security.ClinicRoles.COORDINATOR;
import static org.clinictracker.platform.security.ClinicRoles.FRONT_DESK;
import static org.clinictracker.platform.security.ClinicRoles.PROCEDURALIST;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.clinictracker.platform.security.ClinicResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may do what with patients (architecture.md, "Roles"); the gateway checks the same again. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain patientSecurity(HttpSecurity http, ClinicResourceServer resourceServer) throws Exception {
        return resourceServer.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ClinicResourceServer.publicPaths()).permitAll()
                        .requestMatchers(ClinicResourceServer.managementPaths()).hasRole(CLINIC_ADMIN)
                        .requestMatchers(GET, "/api/patients/*/audit").hasRole(CLINIC_ADMIN)
                        .requestMatchers(POST, "/api/patients/*/screenings/*/override").hasRole(PROCEDURALIST)
                        .requestMatchers(POST, "/api/patients", "/api/patients/*/screenings", "/api/patients/*/consents")
                            .hasRole(FRONT_DESK)
                        .requestMatchers(PUT, "/api/patients/*").hasRole(FRONT_DESK)
                        .requestMatchers(GET, "/api/patients", "/api/patients/**")
                            .hasAnyRole(FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                        .anyRequest().denyAll())
                .build();
    }
}
