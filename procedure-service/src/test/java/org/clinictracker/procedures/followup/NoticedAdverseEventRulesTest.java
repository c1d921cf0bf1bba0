package org.clinictracker.procedures.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.clinictracker.procedures.adverse.AdverseEventLog.ProcedureRef;
import org.clinictracker.procedures.adverse.AdverseEventReport;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which complications noticed at a follow-up visit the record refuses, at the edges: the same course rules
 * as a proceduralist's report, and nothing dated after tomorrow (UTC), since a coordinator's date is the
 * clinic's.
 */
class NoticedAdverseEventRulesTest {

    /** Performed late on 10 November (UTC); today is 25 November. */
    private static final ProcedureRef PROCEDURE = new ProcedureRef(UUID.randomUUID(), UUID.randomUUID(),
            Instant.parse("2026-11-10T23:30:00Z"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void an_onset_from_the_day_before_the_procedure_to_tomorrow_is_taken() {
        assertThat(refused(ongoing(LocalDate.of(2026, 11, 9)))).isEmpty();
        assertThat(refused(ongoing(LocalDate.of(2026, 11, 10)))).isEmpty();
        assertThat(refused(ongoing(TODAY))).isEmpty();
        assertThat(refused(ongoing(TODAY.plusDays(1)))).isEmpty();
    }

    @Test
    void an_onset_before_that_or_after_tomorrow_is_refused() {
        assertThat(refused(ongoing(LocalDate.of(2026, 11, 8)))).containsExactly("onsetOn");
        assertThat(refused(ongoing(TODAY.plusDays(2)))).containsExactly("onsetOn");
    }

    @Test
    void a_resolution_is_dated_from_the_onset_to_tomorrow() {
        LocalDate onset = LocalDate.of(2026, 11, 12);
        assertThat(refused(resolved(AdverseEventOutcome.RESOLVED, onset, onset))).isEmpty();
        assertThat(refused(resolved(AdverseEventOutcome.RESOLVED, onset, TODAY.plusDays(1)))).isEmpty();
        assertThat(refused(resolved(AdverseEventOutcome.RESOLVED, onset, onset.minusDays(1))))
                .containsExactly("resolvedOn");
        assertThat(refused(resolved(AdverseEventOutcome.RESOLVED, onset, TODAY.plusDays(2))))
                .containsExactly("resolvedOn");
        assertThat(refused(resolved(AdverseEventOutcome.RESOLVED, onset, null))).as("date not known").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = AdverseEventOutcome.class, names = { "RESOLVED", "RESOLVED_WITH_SEQUELAE" })
    void a_resolved_outcome_may_name_its_date(AdverseEventOutcome outcome) {
        assertThat(refused(resolved(outcome, LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 20)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = AdverseEventOutcome.class, names = { "ONGOING", "RESOLVING" })
    void an_unresolved_outcome_with_a_resolution_date_is_refused(AdverseEventOutcome outcome) {
        assertThat(refused(resolved(outcome, LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 20))))
                .containsExactly("resolvedOn");
    }

    @Test
    void an_other_complication_needs_its_description() {
        assertThat(refused(report(AdverseEventType.OTHER, "Allodynia", LocalDate.of(2026, 11, 12),
                AdverseEventOutcome.ONGOING, null))).isEmpty();
        assertThat(refused(report(AdverseEventType.OTHER, null, LocalDate.of(2026, 11, 12),
                AdverseEventOutcome.ONGOING, null))).containsExactly("description");
    }

    @Test
    void every_refused_field_is_named_once() {
        assertThat(refused(report(AdverseEventType.OTHER, null, TODAY.plusDays(3), AdverseEventOutcome.ONGOING,
                TODAY.plusDays(2)))).containsExactlyInAnyOrder("onsetOn", "resolvedOn", "description");
    }

    private static java.util.List<String> refused(AdverseEventReport report) {
        return NoticedAdverseEvents.refusedFields(report, PROCEDURE, TODAY);
    }

    private static AdverseEventReport ongoing(LocalDate onset) {
        return report(AdverseEventType.SORENESS, null, onset, AdverseEventOutcome.ONGOING, null);
    }

    private static AdverseEventReport resolved(AdverseEventOutcome outcome, LocalDate onset, LocalDate resolvedOn) {
        return report(AdverseEventType.SORENESS, null, onset, outcome, resolvedOn);
    }

    private static AdverseEventReport report(AdverseEventType type, String description, LocalDate onset,
            AdverseEventOutcome outcome, LocalDate resolvedOn) {
        return new AdverseEventReport(type, description, Severity.MILD, false, onset, outcome, resolvedOn, null);
    }
}
