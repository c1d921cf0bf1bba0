package org.clinictracker.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The clinic's deliberate refusals, turned into RFC 9457 problems whose type and code clients can branch on. */
class ProblemExceptionTest {

    @Test
    void a_refusal_becomes_a_problem_with_a_stable_type_uri_code_title_status_and_detail() {
        ProblemException refusal = new ProblemException(HttpStatus.CONFLICT, "possible-duplicate",
                "Possible duplicate chart", "A patient with the same name and date of birth is already registered.");

        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(problem.getType()).isEqualTo(URI.create("https://clinic-tracker.org/problems/possible-duplicate"));
        assertThat(problem.getTitle()).isEqualTo("Possible duplicate chart");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("A patient with the same name and date of birth is already registered.");
        assertThat(problem.getProperties()).containsExactly(Map.entry("code", "possible-duplicate"));
    }

    @Test
    void the_type_uri_is_the_problem_base_followed_by_the_code() {
        ProblemDetail problem = new ProblemException(HttpStatus.BAD_REQUEST, "some-code", "Title", "Detail").toProblemDetail();

        assertThat(ProblemException.TYPE_BASE).isEqualTo("https://clinic-tracker.org/problems/");
        assertThat(problem.getType()).hasToString(ProblemException.TYPE_BASE + "some-code");
    }

    @Test
    void the_exception_keeps_its_status_code_and_detail_message() {
        ProblemException refusal = new ProblemException(HttpStatus.GONE, "gone", "Gone", "It is gone.");

        assertThat(refusal.status()).isEqualTo(HttpStatus.GONE);
        assertThat(refusal.code()).isEqualTo("gone");
        assertThat(refusal.getMessage()).isEqualTo("It is gone.");
    }

    @Test
    void extra_properties_travel_with_the_problem_in_the_order_they_were_added() {
        UUID candidate = UUID.fromString("3f1c2a9e-0000-4000-8000-000000000001");
        ProblemException refusal = new ProblemException(HttpStatus.CONFLICT, "possible-duplicate", "Possible duplicate chart",
                "Same name and birth date.")
                .with("candidates", List.of(Map.of("id", candidate, "mrn", "CT-000042-2")))
                .with("hint", "send notDuplicateOf");

        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(problem.getProperties()).containsExactly(
                Map.entry("code", "possible-duplicate"),
                Map.entry("candidates", List.of(Map.of("id", candidate, "mrn", "CT-000042-2"))),
                Map.entry("hint", "send notDuplicateOf"));
    }

    @Test
    void with_adds_to_the_same_refusal_so_it_can_be_chained() {
        ProblemException refusal = new ProblemException(HttpStatus.CONFLICT, "c", "T", "D");

        assertThat(refusal.with("a", 1)).isSameAs(refusal);
        assertThat(refusal.toProblemDetail().getProperties()).containsEntry("a", 1);
    }

    @Test
    void adding_a_property_twice_keeps_the_last_value() {
        ProblemDetail problem = new ProblemException(HttpStatus.CONFLICT, "c", "T", "D")
                .with("attempt", 1).with("attempt", 2).toProblemDetail();

        assertThat(problem.getProperties()).containsEntry("attempt", 2);
    }

    @Test
    void each_call_to_to_problem_detail_gives_a_fresh_problem() {
        ProblemException refusal = new ProblemException(HttpStatus.CONFLICT, "c", "T", "D").with("a", 1);

        ProblemDetail first = refusal.toProblemDetail();
        first.setProperty("tampered", true);

        assertThat(refusal.toProblemDetail().getProperties()).doesNotContainKey("tampered");
    }

    @Test
    void a_missing_record_is_404_not_found_naming_what_and_which() {
        UUID id = UUID.fromString("11111111-2222-3333-4444-555555555555");

        ProblemException refusal = ProblemException.notFound("Patient", id);
        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).hasToString("https://clinic-tracker.org/problems/not-found");
        assertThat(problem.getTitle()).isEqualTo("Patient not found");
        assertThat(problem.getDetail()).isEqualTo("No patient with id 11111111-2222-3333-4444-555555555555.");
        assertThat(problem.getProperties()).containsExactly(Map.entry("code", "not-found"));
    }

    @Test
    void a_write_on_a_stale_copy_is_412_and_tells_the_current_version() {
        ProblemException refusal = ProblemException.staleVersion(3, 5);
        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(refusal.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(problem.getStatus()).isEqualTo(412);
        assertThat(problem.getType()).hasToString("https://clinic-tracker.org/problems/stale-version");
        assertThat(problem.getTitle()).isEqualTo("Record changed since you read it");
        assertThat(problem.getDetail()).contains("version 3").contains("version 5");
        assertThat(problem.getProperties())
                .containsEntry("code", "stale-version")
                .containsEntry("currentVersion", 5L);
    }

    @Test
    void a_rule_bean_validation_cannot_express_is_400_naming_the_field() {
        ProblemException refusal = ProblemException.invalidField("indication.text",
                "must describe the indication when the code is OTHER");
        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).hasToString("https://clinic-tracker.org/problems/validation");
        assertThat(problem.getTitle()).isEqualTo("Invalid request");
        assertThat(problem.getDetail()).contains("indication.text");
        assertThat(problem.getProperties())
                .containsEntry("code", "validation")
                .containsEntry("errors", List.of(new FieldError("indication.text",
                        "must describe the indication when the code is OTHER")));
    }

    @Test
    void a_write_without_if_match_is_428_precondition_required() {
        ProblemException refusal = ProblemException.ifMatchRequired();
        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(refusal.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(problem.getStatus()).isEqualTo(428);
        assertThat(problem.getType()).hasToString("https://clinic-tracker.org/problems/if-match-required");
        assertThat(problem.getTitle()).isEqualTo("If-Match header required");
        assertThat(problem.getDetail()).contains("If-Match");
        assertThat(problem.getProperties()).containsExactly(Map.entry("code", "if-match-required"));
    }

    @Test
    void a_refusal_is_an_unchecked_exception_with_its_detail_as_message() {
        ProblemException refusal = ProblemException.notFound("Consent", 7);

        assertThat(refusal).isInstanceOf(RuntimeException.class).hasMessage("No consent with id 7.");
    }

    @Test
    void an_extension_cannot_reuse_a_standard_member_so_a_body_never_carries_status_twice() {
        ProblemException refusal = new ProblemException(HttpStatus.CONFLICT, "some-code", "Title", "Detail");

        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            assertThatIllegalArgumentException().isThrownBy(() -> refusal.with(member, "x"));
        }
        assertThat(refusal.with("candidateStatus", "OPEN").toProblemDetail().getProperties())
                .containsEntry("candidateStatus", "OPEN");
    }
}
