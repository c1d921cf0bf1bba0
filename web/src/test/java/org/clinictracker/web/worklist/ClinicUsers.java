package org.clinictracker.web.worklist;

import org.clinictracker.platform.security.ClinicRoles;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** The signed-in users of the coordinator's screens' tests: a relayed access token with the user's one role. */
public final class ClinicUsers {

    private ClinicUsers() {
    }

    public static JwtRequestPostProcessor coordinator() {
        return as("coordinator1", ClinicRoles.COORDINATOR);
    }

    public static JwtRequestPostProcessor proceduralist() {
        return as("proceduralist1", ClinicRoles.PROCEDURALIST);
    }

    public static JwtRequestPostProcessor frontDesk() {
        return as("frontdesk1", ClinicRoles.FRONT_DESK);
    }

    private static JwtRequestPostProcessor as(String username, String role) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(token -> token.subject(username).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
