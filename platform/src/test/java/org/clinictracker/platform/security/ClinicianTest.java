package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ClinicianTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void without_a_signed_in_user_the_service_itself_acts_in_the_role_service() {
        Clinician acting = Clinician.current();

        assertThat(acting).isEqualTo(Clinician.SYSTEM);
        assertThat(acting.username()).isEqualTo("system");
        assertThat(acting.rolesAsText()).isEqualTo("service");
    }

    @Test
    void a_signed_in_user_acts_with_their_clinic_roles_only() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "coordinator1", null, List.of(new SimpleGrantedAuthority("SCOPE_profile"),
                        new SimpleGrantedAuthority("ROLE_coordinator"), new SimpleGrantedAuthority("ROLE_clinic-admin"))));

        Clinician acting = Clinician.current();

        assertThat(acting.username()).isEqualTo("coordinator1");
        assertThat(acting.roles()).containsExactly("clinic-admin", "coordinator");
    }

    @Test
    void an_authentication_that_is_not_authenticated_is_nobody_signed_in() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated(
                "someone", null));

        assertThat(Clinician.current()).isEqualTo(Clinician.SYSTEM);
    }
}
