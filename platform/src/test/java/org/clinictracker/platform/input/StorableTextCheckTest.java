package org.clinictracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.clinictracker.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

class StorableTextCheckTest {

    record Target(String nerve, String description) {
    }

    record Case(String name, List<Target> targets, @MultilineText String notes, Map<String, String> extra,
            Integer painScore) {
    }

    @Test
    void every_nested_text_is_checked_and_named_by_its_json_path() {
        Case body = new Case("bad\u0000", List.of(new Target("OK", "fine"), new Target("X", "bad\uD800")),
                "line one\nline two", Map.of("key\u0001", "value"), 7);

        assertThat(StorableTextCheck.problems(body)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("name", "targets[1].description", "extra.key\u0001");
    }

    @Test
    void only_fields_marked_multiline_may_hold_line_breaks() {
        Case body = new Case("two\nlines", List.of(new Target("OK", "tab\there")), "notes\r\n\twith breaks", Map.of(),
                null);

        assertThat(StorableTextCheck.problems(body)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("name", "targets[0].description");
    }

    @Test
    void a_clean_body_has_no_problems() {
        assertThat(StorableTextCheck.problems(new Case("Núñez ﬃ", List.of(), null, null, null))).isEmpty();
        assertThat(StorableTextCheck.problems(null)).isEmpty();
    }
}
