package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class SecurityProblemTest {

    @Test
    void the_body_is_the_clinics_problem_shape_in_reading_order() {
        assertThat(SecurityProblem.forbidden("PUT", "/api/patients/1").body())
                .containsExactly(
                        entry("type", "https://clinic-tracker.org/problems/forbidden"),
                        entry("title", "Not allowed for your role"),
                        entry("status", 403),
                        entry("detail", "Your role does not allow PUT /api/patients/1."),
                        entry("code", "forbidden"));
    }

    @Test
    void each_refusal_has_its_status_and_a_stable_code() {
        assertThat(SecurityProblem.unauthenticated().status().value()).isEqualTo(401);
        assertThat(SecurityProblem.tooManyRequests(30).body()).containsEntry("status", 429)
                .containsEntry("code", "too-many-requests");
        assertThat(SecurityProblem.unavailable("procedure service").body()).containsEntry("status", 503)
                .containsEntry("code", "service-unavailable");
        assertThat(SecurityProblem.outcomeUnknown("patient service", "Repeat it.").body()).containsEntry("status", 503)
                .containsEntry("code", "outcome-unknown")
                .containsEntry("detail", "The patient service did not answer in time; your change may or may not have "
                        + "been saved. Repeat it.");
        assertThat(SecurityProblem.payloadTooLarge(262144).body()).containsEntry("status", 413)
                .containsEntry("code", "payload-too-large");
    }

    @Test
    void the_problem_detail_says_the_same_as_the_body() {
        ProblemDetail problem = SecurityProblem.unauthenticated().toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(problem.getType()).hasToString("https://clinic-tracker.org/problems/unauthenticated");
        assertThat(problem.getTitle()).isEqualTo("Sign-in required");
        assertThat(problem.getProperties()).containsEntry("code", "unauthenticated");
    }

    @Test
    void a_refused_token_is_named_in_the_challenge_a_missing_one_is_not() {
        assertThat(SecurityProblem.bearerChallenge(true)).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(SecurityProblem.bearerChallenge(false)).isEqualTo("Bearer");
    }
}
