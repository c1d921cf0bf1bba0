package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
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

    @Test
    void an_open_calls_anonymous_caller_is_nobody_signed_in() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

        assertThat(Clinician.current()).isEqualTo(Clinician.SYSTEM);
    }

    @Test
    void a_patient_answering_through_a_link_is_the_actor_of_all_the_work_does_and_only_there() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

        Clinician inside = Clinician.actingAs(Clinician.PATIENT, Clinician::current);

        assertThat(inside).isEqualTo(Clinician.PATIENT);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(AnonymousAuthenticationToken.class);
    }

    @Test
    void the_actor_is_restored_when_the_work_fails() {
        assertThatThrownBy(() -> Clinician.actingAs(Clinician.PATIENT, () -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Clinician.current()).isEqualTo(Clinician.SYSTEM);
    }
}
