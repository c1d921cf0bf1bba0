package org.clinictracker.platform.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Optimistic locking over HTTP: the version goes out as an ETag and must come back in If-Match. */
class VersionTagTest {

    @ParameterizedTest(name = "version {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0         | \"0\"",
            "3         | \"3\"",
            "42        | \"42\"",
            "999999999 | \"999999999\"",
    })
    void a_version_goes_out_as_a_strong_quoted_etag(int version, String etag) {
        assertThat(VersionTag.etag(version)).isEqualTo(etag);
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {0, 1, 7, 10, 123_456, 999_999_999})
    void the_etag_a_client_read_is_accepted_back_as_the_same_version(int version) {
        assertThat(VersionTag.fromIfMatch(VersionTag.etag(version))).isEqualTo(version);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @CsvSource(delimiter = '|', value = {
            "\"3\"          | 3",
            "W/\"3\"        | 3",
            "3              | 3",
            "'  \"3\"  '    | 3",
            "'\t\"12\"\t'   | 12",
            "\"007\"        | 7",
            "\"999999999\"  | 999999999",
            "W/\"0\"        | 0",
    })
    void the_version_is_read_from_if_match_with_or_without_quotes_and_weak_prefix(String ifMatch, int version) {
        assertThat(VersionTag.fromIfMatch(ifMatch)).isEqualTo(version);
    }

    @ParameterizedTest(name = "If-Match: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t"})
    void a_write_without_if_match_is_refused_with_428_precondition_required(String ifMatch) {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> VersionTag.fromIfMatch(ifMatch));

        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(refusal.status().value()).isEqualTo(428);
        assertThat(refusal.code()).isEqualTo("if-match-required");
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {
            "abc",
            "\"abc\"",
            "*",
            "\"3\", \"4\"",
            "\"-1\"",
            "\"3.0\"",
            "\"1234567890\"",
            "W/",
            "w/\"3\"",
            "W/ \"3\"",
            "\"\"",
            "\"3 \"",
            "v3",
            "\"٣\"",
    })
    void an_if_match_that_is_not_one_of_our_etags_is_refused_with_400(String ifMatch) {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> VersionTag.fromIfMatch(ifMatch));

        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal.code()).isEqualTo("validation");
    }

    @Test
    void a_garbled_if_match_is_reported_as_an_invalid_if_match_field() {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> VersionTag.fromIfMatch("banana"));

        ProblemDetail problem = refusal.toProblemDetail();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsKey("errors");
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) problem.getProperties().get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("If-Match");
            assertThat(error.message()).contains("ETag");
        });
    }

    @Test
    void a_missing_if_match_tells_the_client_what_to_send() {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> VersionTag.fromIfMatch(null));

        ProblemDetail problem = refusal.toProblemDetail();
        assertThat(problem.getStatus()).isEqualTo(428);
        assertThat(problem.getTitle()).isEqualTo("If-Match header required");
        assertThat(problem.getDetail()).contains("If-Match");
        assertThat(problem.getProperties()).containsEntry("code", "if-match-required");
    }
}
