package org.clinictracker.gateway.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /session}: who the browser is signed in as, so the web app can show the user and offer what their
 * roles allow. Gateway-only (no service serves it), open to signed-in browser sessions; without one it is 401.
 */
@RestController
class SessionEndpoint {

    static final String PATH = "/session";

    @GetMapping(PATH)
    SignedInUser session(Authentication user) {
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new SignedInUser(user.getName(), roles);
    }

    /** The body: {@code username} (Keycloak's preferred_username) and the clinic realm roles. */
    record SignedInUser(String username, List<String> roles) {
    }
}
