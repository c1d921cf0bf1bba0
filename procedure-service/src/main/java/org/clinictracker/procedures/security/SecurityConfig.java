package org.clinictracker.procedures.security;

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

/** Who may do what with procedures (architecture.md, "Roles"); the gateway checks the same again. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain procedureSecurity(HttpSecurity http, ClinicResourceServer resourceServer) throws Exception {
        return resourceServer.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ClinicResourceServer.publicPaths()).permitAll()
                        .requestMatchers(ClinicResourceServer.managementPaths()).hasRole(CLINIC_ADMIN)
                        .requestMatchers(GET, "/api/procedures/catalogue/**")
                            .hasAnyRole(FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                        .requestMatchers(GET, "/api/procedures/audit").hasRole(CLINIC_ADMIN)
                        .requestMatchers(POST, "/api/procedures", "/api/procedures/*/adverse-events").hasRole(PROCEDURALIST)
                        .requestMatchers(PUT, "/api/procedures/*", "/api/procedures/*/adverse-events/*").hasRole(PROCEDURALIST)
                        .requestMatchers(GET, "/api/procedures", "/api/procedures/**")
                            .hasAnyRole(PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                        .anyRequest().denyAll())
                .build();
    }
}
