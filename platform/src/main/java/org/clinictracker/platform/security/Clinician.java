package org.clinictracker.platform.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in user's name and clinic roles, as the audit trail and records name them. */
public record Clinician(String username, List<String> roles) {

    /**
     * The service itself: what it does on another service's event (a Kafka consumer thread has no
     * signed-in user) or on its own (a relinked treatment chain). Audited as actor {@code system}, role
     * {@code service}, never as an empty role that reads like a user without any.
     */
    public static final Clinician SYSTEM = new Clinician("system", List.of("service"));

    /**
     * A patient acting through the single-use link the clinic sent them (no account, no token): audited as actor
     * {@code patient}, role {@code patient}; the link's visit names which patient.
     */
    public static final Clinician PATIENT = new Clinician("patient", List.of("patient"));

    /** The signed-in user, or {@link #SYSTEM} where no one is signed in (consumers, scheduled jobs). */
    public static Clinician current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return SYSTEM;
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority())
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new Clinician(authentication.getName(), roles);
    }

    public String rolesAsText() {
        return String.join(",", roles);
    }
}
