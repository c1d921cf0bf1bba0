package org.clinictracker.platform.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
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

    /**
     * The signed-in user, or {@link #SYSTEM} where no one is signed in (consumers, scheduled jobs, and an open call's
     * anonymous caller, whom Spring counts as "authenticated" under the name anonymousUser).
     */
    public static Clinician current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
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

    /**
     * Runs {@code work} with {@code actor} as the current user, so everything it audits (listeners in the same
     * transaction included) names them: a patient answering through their link acts as {@link #PATIENT}.
     */
    public static <T> T actingAs(Clinician actor, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor.username(), null,
                actor.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public String rolesAsText() {
        return String.join(",", roles);
    }
}
