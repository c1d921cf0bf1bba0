package org.clinictracker.web.adverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one adverse-event input, and the three bodies the API's three calls want from it. */
class AdverseEventFieldsTest {

    /** Bruising typed with its course, the description left blank and "serious" never answered. */
    private static AdverseEventFields bruising() {
        AdverseEventFields event = new AdverseEventFields();
        event.setType("BRUISING");
        event.setDescription("  ");
        event.setSeverity("MILD");
        event.setOnsetOn(LocalDate.of(2026, 11, 20));
        event.setOutcome("RESOLVED");
        event.setResolvedOn(LocalDate.of(2026, 11, 24));
        event.setNotes("");
        return event;
    }

    @Test
    void a_report_of_its_own_sends_every_field_in_the_apis_order_a_blank_one_as_null() {
        assertThat(bruising().asReport()).containsExactlyEntriesOf(ordered("type", "BRUISING", "description", null,
                "severity", "MILD", "serious", null, "onsetOn", "2026-11-20", "outcome", "RESOLVED",
                "resolvedOn", "2026-11-24", "notes", null));
    }

    @Test
    void with_the_procedure_only_what_was_filled_in_is_sent_and_serious_is_always_answered() {
        assertThat(bruising().asRecordedWithProcedure()).containsExactlyEntriesOf(ordered("type", "BRUISING",
                "severity", "MILD", "serious", false, "onsetOn", "2026-11-20", "outcome", "RESOLVED",
                "resolvedOn", "2026-11-24"));
    }

    @Test
    void noticed_at_a_visit_it_has_no_course_even_when_one_was_posted() {
        AdverseEventFields event = bruising();
        event.setSerious(Boolean.TRUE);
        event.setNotes("posted by hand");

        assertThat(event.asNoticedAtVisit()).containsExactlyEntriesOf(ordered("type", "BRUISING", "description", null,
                "severity", "MILD", "serious", true, "onsetOn", "2026-11-20", "outcome", "RESOLVED"));
    }

    @Test
    void a_row_without_a_type_is_no_event() {
        AdverseEventFields row = new AdverseEventFields();
        assertThat(row.hasType()).isFalse();
        row.setType(" ");
        assertThat(row.hasType()).isFalse();
        row.setType("BRUISING");
        assertThat(row.hasType()).isTrue();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
