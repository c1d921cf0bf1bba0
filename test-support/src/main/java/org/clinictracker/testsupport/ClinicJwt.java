package org.clinictracker.testsupport;

import java.util.List;
import java.util.Map;

import org.clinictracker.platform.security.RealmRoleConverter;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * A bearer token shaped like Keycloak's (roles in {@code realm_access.roles}, name in
 * {@code preferred_username}), with authorities derived by the services' own {@link RealmRoleConverter}.
 */
public final class ClinicJwt {

    private ClinicJwt() {
    }

    public static JwtRequestPostProcessor as(String username, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject(username)
                        .claim("preferred_username", username)
                        .claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(RealmRoleConverter::authorities);
    }

    public static JwtRequestPostProcessor frontDesk() {
        return as("frontdesk1", "front-desk");
    }

    public static JwtRequestPostProcessor proceduralist() {
        return as("proceduralist1", "proceduralist");
    }

    public static JwtRequestPostProcessor coordinator() {
        return as("coordinator1", "coordinator");
    }

    public static JwtRequestPostProcessor clinicAdmin() {
        return as("admin1", "clinic-admin");
    }
}
