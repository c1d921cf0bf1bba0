package org.clinictracker.web;

import java.util.Map;

import org.clinictracker.platform.security.ClinicRoles;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** The signed-in users of the web tests: a relayed access token for the role's dev user, with that one role. */
public final class ClinicUsers {

    private static final Map<String, String> DEV_USERS = Map.of(
            ClinicRoles.FRONT_DESK, "frontdesk1",
            ClinicRoles.PROCEDURALIST, "proceduralist1",
            ClinicRoles.COORDINATOR, "coordinator1",
            ClinicRoles.CLINIC_ADMIN, "admin1");

    private ClinicUsers() {
    }

    public static JwtRequestPostProcessor frontDesk() {
        return withRole(ClinicRoles.FRONT_DESK);
    }

    public static JwtRequestPostProcessor proceduralist() {
        return withRole(ClinicRoles.PROCEDURALIST);
    }

    public static JwtRequestPostProcessor coordinator() {
        return withRole(ClinicRoles.COORDINATOR);
    }

    public static JwtRequestPostProcessor admin() {
        return withRole(ClinicRoles.CLINIC_ADMIN);
    }

    /** The dev user of {@code role} (a role the clinic does not have: a user named after it). */
    public static JwtRequestPostProcessor withRole(String role) {
        String username = DEV_USERS.getOrDefault(role, role + "1");
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(token -> token.subject(username).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
