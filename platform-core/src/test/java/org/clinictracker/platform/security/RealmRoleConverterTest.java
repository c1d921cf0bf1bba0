package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRoleConverterTest {

    private final RealmRoleConverter converter = new RealmRoleConverter();

    @Test
    void clinic_realm_roles_become_spring_roles_and_the_name_is_the_keycloak_username() {
        var authentication = converter.convert(token(Map.of("roles", List.of("proceduralist", "offline_access"))));

        assertThat(roles(authentication.getAuthorities())).containsExactly("ROLE_proceduralist");
        assertThat(authentication.getName()).isEqualTo("proceduralist1");
    }

    @Test
    void a_missing_or_malformed_role_claim_gives_no_roles_rather_than_an_error() {
        assertThat(RealmRoleConverter.authorities(token(null))).isEmpty();
        assertThat(RealmRoleConverter.authorities(token("clinic-admin"))).isEmpty();
        assertThat(RealmRoleConverter.authorities(token(List.of("clinic-admin")))).isEmpty();
        assertThat(RealmRoleConverter.authorities(token(Map.of("roles", "clinic-admin")))).isEmpty();
        assertThat(RealmRoleConverter.authorities(token(Map.of("other", List.of("clinic-admin"))))).isEmpty();
    }

    @Test
    void the_role_names_must_match_exactly() {
        assertThat(RealmRoleConverter.authorities(token(Map.of("roles", List.of("Clinic-Admin", "clinic-admin ", "ROLE_clinic-admin")))))
                .isEmpty();
    }

    private static Jwt token(Object realmAccess) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("a1b2")
                .claim("preferred_username", "proceduralist1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        if (realmAccess != null) {
            jwt.claim("realm_access", realmAccess);
        }
        return jwt.build();
    }

    private static List<String> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
