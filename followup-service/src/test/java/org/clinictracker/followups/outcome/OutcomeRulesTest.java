package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeRulesTest {

    private static final LocalDate PERFORMED = LocalDate.of(2026, 6, 1);
    private static final LocalDate WINDOW_START = PERFORMED.plusDays(11);
    private static final LocalDate TODAY = PERFORMED.plusDays(15);

    private static OutcomeReport pain(int pain) {
        return report(pain, null, List.of(), null);
    }

    private static OutcomeReport report(Integer pain, FunctionScore function, List<NoticedAdverseEvent> events,
            LocalDate assessedOn) {
        return new OutcomeReport(pain, null, function, null, null, null, events, null, assessedOn, null, null, null);
    }

    private static List<String> fields(OutcomeReport report, LocalDate assessedOn) {
        return OutcomeRules.violations(report, assessedOn, PERFORMED, WINDOW_START, TODAY).stream()
                .map(FieldError::field).toList();
    }

    private static NoticedAdverseEvent event(AdverseEventType type, String description, LocalDate onset,
            AdverseEventOutcome outcome, LocalDate resolved) {
        return new NoticedAdverseEvent(type, description, Severity.MILD, false, onset, outcome, resolved, null);
    }

    @Test
    void a_pain_score_on_a_day_in_the_window_is_an_outcome() {
        assertThat(fields(pain(3), TODAY)).isEmpty();
        assertThat(fields(pain(3), WINDOW_START)).isEmpty();
    }

    @Test
    void notes_alone_are_not_an_outcome() {
        OutcomeReport notesOnly = new OutcomeReport(null, null, null, null, null, null, null, "called, no answer", null, null, null, null);
        assertThat(fields(notesOnly, TODAY)).containsExactly("painScore");
    }

    @Test
    void any_single_measure_makes_an_outcome() {
        List<OutcomeReport> single = List.of(
                new OutcomeReport(null, 60, null, null, null, null, null, null, null, null, null, null),
                new OutcomeReport(null, null, new FunctionScore(FunctionInstrument.ODI, BigDecimal.TEN), null, null, null, null, null, null, null, null, null),
                new OutcomeReport(null, null, null, BigDecimal.ZERO, null, null, null, null, null, null, null, null),
                new OutcomeReport(null, null, null, null, 5, null, null, null, null, null, null, null),
                new OutcomeReport(null, null, null, null, null, false, null, null, null, null, null, null),
                new OutcomeReport(null, null, null, null, null, null,
                        List.of(event(AdverseEventType.BRUISING, null, TODAY, AdverseEventOutcome.ONGOING, null)), null, null, null, null, null),
                new OutcomeReport(null, null, null, null, null, null, null, null, null, null, 4, null));
        single.forEach(report -> assertThat(fields(report, TODAY)).as(report.toString()).isEmpty());
    }

    @ParameterizedTest(name = "{0} {1} -> allowed {2}")
    @CsvSource({
            "WOMAC, 0, true", "WOMAC, 96, true", "WOMAC, 96.1, false", "WOMAC, -0.1, false", "WOMAC, 97, false",
            "ODI, 0, true", "ODI, 100, true", "ODI, 100.1, false", "ODI, 44.4, true",
            "PROMIS_PHYSICAL_FUNCTION, 10, true", "PROMIS_PHYSICAL_FUNCTION, 9.9, false",
            "PROMIS_PHYSICAL_FUNCTION, 90, true", "PROMIS_PHYSICAL_FUNCTION, 90.1, false",
            "PROMIS_PHYSICAL_FUNCTION, 0, false", "PROMIS_PHYSICAL_FUNCTION, 42.3, true" })
    void a_function_score_must_lie_in_its_instruments_range(FunctionInstrument instrument, BigDecimal value,
            boolean allowed) {
        List<String> fields = fields(report(null, new FunctionScore(instrument, value), List.of(), null), TODAY);
        assertThat(fields).isEqualTo(allowed ? List.of() : List.of("functionScore.value"));
    }

    @Test
    void assessed_on_lies_between_the_visits_window_and_today() {
        assertThat(fields(pain(3), TODAY.plusDays(1))).containsExactly("assessedOn");
        assertThat(fields(pain(3), WINDOW_START.minusDays(1))).containsExactly("assessedOn");
        assertThat(fields(pain(3), PERFORMED.minusDays(1))).containsExactly("assessedOn");
        assertThat(OutcomeRules.violations(pain(3), PERFORMED.minusDays(1), PERFORMED, WINDOW_START, TODAY))
                .extracting(FieldError::message).containsExactly("cannot be before the procedure (2026-06-01)");
    }

    @Test
    void a_visit_whose_window_opens_on_the_procedure_day_takes_an_outcome_of_that_day() {
        assertThat(OutcomeRules.violations(pain(3), PERFORMED, PERFORMED, PERFORMED, PERFORMED)).isEmpty();
    }

    @Test
    void an_other_adverse_event_needs_a_description() {
        var unnamed = event(AdverseEventType.OTHER, " ", TODAY, AdverseEventOutcome.ONGOING, null);
        var named = event(AdverseEventType.OTHER, "itching at the probe site", TODAY, AdverseEventOutcome.ONGOING, null);
        assertThat(fields(report(null, null, List.of(named, unnamed), null), TODAY))
                .containsExactly("adverseEvents[1].description");
    }

    @Test
    void an_adverse_event_starts_between_the_procedure_and_the_assessment() {
        var before = event(AdverseEventType.BRUISING, null, PERFORMED.minusDays(1), AdverseEventOutcome.ONGOING, null);
        var after = event(AdverseEventType.BRUISING, null, TODAY.plusDays(1), AdverseEventOutcome.ONGOING, null);
        var onTheDay = event(AdverseEventType.BRUISING, null, PERFORMED, AdverseEventOutcome.ONGOING, null);
        assertThat(fields(report(null, null, List.of(before, after, onTheDay), null), TODAY))
                .containsExactly("adverseEvents[0].onsetOn", "adverseEvents[1].onsetOn");
    }

    @Test
    void only_a_resolved_adverse_event_has_a_resolution_day_and_not_before_its_onset_or_after_the_assessment() {
        LocalDate onset = PERFORMED.plusDays(3);
        var ongoingButResolved = event(AdverseEventType.SORENESS, null, onset, AdverseEventOutcome.ONGOING, onset.plusDays(2));
        var resolvedBeforeOnset = event(AdverseEventType.SORENESS, null, onset, AdverseEventOutcome.RESOLVED, onset.minusDays(1));
        var resolvedTomorrow = event(AdverseEventType.SORENESS, null, onset, AdverseEventOutcome.RESOLVED, TODAY.plusDays(1));
        var resolved = event(AdverseEventType.SORENESS, null, onset, AdverseEventOutcome.RESOLVED_WITH_SEQUELAE, onset);
        assertThat(fields(report(null, null, List.of(ongoingButResolved, resolvedBeforeOnset, resolvedTomorrow, resolved),
                null), TODAY))
                .containsExactly("adverseEvents[0].resolvedOn", "adverseEvents[1].resolvedOn", "adverseEvents[2].resolvedOn");
    }

    @Test
    void every_broken_rule_is_named_at_once() {
        var unnamed = event(AdverseEventType.OTHER, null, PERFORMED.minusDays(2), AdverseEventOutcome.ONGOING, null);
        assertThat(fields(report(null, new FunctionScore(FunctionInstrument.WOMAC, BigDecimal.valueOf(120)),
                List.of(unnamed), null), TODAY.plusDays(3)))
                .containsExactly("functionScore.value", "assessedOn", "adverseEvents[0].description",
                        "adverseEvents[0].onsetOn");
    }

    @Test
    void a_peg_score_sent_with_its_items_must_be_their_mean() {
        OutcomeReport wrong = new OutcomeReport(null, null, new FunctionScore(FunctionInstrument.PEG, new BigDecimal("5.0")),
                null, null, null, null, null, TODAY, 4, 3, 3);
        OutcomeReport right = new OutcomeReport(null, null, new FunctionScore(FunctionInstrument.PEG, new BigDecimal("3.3")),
                null, null, null, null, null, TODAY, 4, 3, 3);
        assertThat(fields(wrong, TODAY)).containsExactly("functionScore.value");
        assertThat(fields(right, TODAY)).isEmpty();
        assertThat(fields(new OutcomeReport(null, null, new FunctionScore(FunctionInstrument.PEG, new BigDecimal("10.1")),
                null, null, null, null, null, TODAY, null, null, null), TODAY)).containsExactly("functionScore.value");
    }

    @Test
    void the_peg_items_alone_make_the_peg_score_the_function_score() {
        OutcomeReport scored = new OutcomeReport(3, null, null, null, null, null, null, null, TODAY, 7, 6, 6)
                .withPegScore();
        assertThat(scored.functionScore()).isEqualTo(new FunctionScore(FunctionInstrument.PEG, new BigDecimal("6.3")));
        OutcomeReport womac = new OutcomeReport(3, null, new FunctionScore(FunctionInstrument.WOMAC, BigDecimal.TEN),
                null, null, null, null, null, TODAY, 7, 6, 6).withPegScore();
        assertThat(womac.functionScore().instrument()).isEqualTo(FunctionInstrument.WOMAC); // one function score kept
    }
}
