package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.clinictracker.followups.outcome.FunctionInstrument;
import org.clinictracker.followups.outcome.NoticedAdverseEvent;
import org.clinictracker.followups.outcome.OutcomeReport;
import org.clinictracker.followups.patientlink.PatientAnswerSubmission.SideEffects;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientAnswersOutcomeTest {

    static final LocalDate ANSWERED = LocalDate.of(2026, 12, 1);
    static final String TOKEN = "A".repeat(43);

    static PatientAnswerSubmission answers(Integer painAverage, Integer enjoyment, Integer activity,
            SideEffects sideEffects) {
        return new PatientAnswerSubmission(TOKEN, 3, painAverage, enjoyment, activity, 70, 4, false, sideEffects,
                "Walking again.\nThank you.", null);
    }

    @Test
    void every_answer_lands_in_the_outcome_the_coordinator_would_have_documented() {
        OutcomeReport report = PatientAnswersOutcome.report(answers(4, 5, 6, null), ANSWERED);

        assertThat(report.painScore()).isEqualTo(3);
        assertThat(report.reliefPercent()).isEqualTo(70);
        assertThat(report.satisfaction()).isEqualTo(4);
        assertThat(report.sensationReturned()).isFalse();
        assertThat(report.notes()).isEqualTo("Walking again.\nThank you.", null);
        assertThat(report.assessedOn()).isEqualTo(ANSWERED);
        assertThat(report.opioidMmePerDay()).isNull(); // the patient is not asked for a dose
        assertThat(report.painAverage()).isEqualTo(4);
        assertThat(report.pegEnjoyment()).isEqualTo(5);
        assertThat(report.pegActivity()).isEqualTo(6);
        assertThat(report.functionScore().instrument()).isEqualTo(FunctionInstrument.PEG);
        assertThat(report.functionScore().value()).isEqualByComparingTo("5.0");
        assertThat(report.adverseEventsOrNone()).isEmpty();
    }

    @ParameterizedTest(name = "PEG {0}, {1}, {2} -> {3}")
    @CsvSource({ "7, 6, 6, 6.3", "7, 7, 6, 6.7", "0, 0, 0, 0.0", "10, 10, 10, 10.0", "1, 0, 0, 0.3", "2, 0, 0, 0.7" })
    void the_peg_score_is_the_mean_of_its_three_items_to_one_decimal(int p, int e, int g, BigDecimal mean) {
        OutcomeReport report = PatientAnswersOutcome.report(answers(p, e, g, null), ANSWERED);
        assertThat(report.functionScore().value()).isEqualByComparingTo(mean);
        assertThat(report.functionScore().value().scale()).isEqualTo(1);
    }

    @Test
    void without_all_three_items_there_is_no_peg_score_but_each_item_given_is_kept() {
        OutcomeReport report = PatientAnswersOutcome.report(answers(4, null, 6, null), ANSWERED);
        assertThat(report.functionScore()).isNull();
        assertThat(report.painAverage()).isEqualTo(4);
        assertThat(report.pegEnjoyment()).isNull();
        assertThat(report.pegActivity()).isEqualTo(6);
    }

    @Test
    void each_side_effect_ticked_becomes_one_complication_still_there_ongoing_since_the_answer_day() {
        SideEffects effects = new SideEffects(List.of(AdverseEventType.SORENESS, AdverseEventType.OTHER),
                "  itching at the probe site ", Severity.MODERATE, true, true, null);

        List<NoticedAdverseEvent> events = PatientAnswersOutcome.report(answers(null, null, null, effects), ANSWERED)
                .adverseEventsOrNone();

        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.severity()).isEqualTo(Severity.MODERATE);
            assertThat(event.serious()).isTrue();
            assertThat(event.onsetOn()).isEqualTo(ANSWERED);
            assertThat(event.outcome()).isEqualTo(AdverseEventOutcome.ONGOING);
            assertThat(event.resolvedOn()).isNull();
            assertThat(event.notes()).startsWith("Reported by the patient through the follow-up link; to be "
                    + "confirmed by the clinic.");
        });
        assertThat(events.get(0).type()).isEqualTo(AdverseEventType.SORENESS);
        assertThat(events.get(0).description()).isNull();
        assertThat(events.get(1).type()).isEqualTo(AdverseEventType.OTHER);
        assertThat(events.get(1).description()).isEqualTo("itching at the probe site");
    }

    @Test
    void a_side_effect_gone_is_resolved_on_the_answer_day_and_not_serious_without_medical_care() {
        SideEffects effects = new SideEffects(List.of(AdverseEventType.BRUISING), null, Severity.MILD, false, false, null);
        NoticedAdverseEvent bruise = PatientAnswersOutcome.report(answers(null, null, null, effects), ANSWERED)
                .adverseEventsOrNone().get(0);
        assertThat(bruise.outcome()).isEqualTo(AdverseEventOutcome.RESOLVED);
        assertThat(bruise.resolvedOn()).isEqualTo(ANSWERED);
        assertThat(bruise.serious()).isFalse();
    }

    @Test
    void not_saying_whether_it_is_still_there_counts_as_still_there() {
        SideEffects effects = new SideEffects(List.of(AdverseEventType.SWELLING), null, Severity.MILD, false, null, null);
        assertThat(PatientAnswersOutcome.report(answers(null, null, null, effects), ANSWERED).adverseEventsOrNone()
                .get(0).outcome()).isEqualTo(AdverseEventOutcome.ONGOING);
    }

    @Test
    void other_without_a_description_is_refused() {
        assertThat(fields(new SideEffects(List.of(AdverseEventType.OTHER), " \u200B", Severity.MILD, false, true, null)))
                .containsExactly("sideEffects.otherDescription");
    }

    @Test
    void a_description_without_other_ticked_is_refused_rather_than_lost() {
        assertThat(fields(new SideEffects(List.of(AdverseEventType.BRUISING), "itching", Severity.MILD, false, true, null)))
                .containsExactly("sideEffects.otherDescription");
    }

    @Test
    void how_bad_and_whether_it_needed_care_are_required_with_any_side_effect() {
        assertThat(fields(new SideEffects(List.of(AdverseEventType.BRUISING), null, null, null, true, null)))
                .containsExactlyInAnyOrder("sideEffects.worst", "sideEffects.neededMedicalCare");
    }

    @Test
    void a_side_effect_named_twice_is_refused() {
        assertThat(fields(new SideEffects(List.of(AdverseEventType.BRUISING, AdverseEventType.BRUISING), null,
                Severity.MILD, false, true, null))).containsExactly("sideEffects.types");
    }

    @Test
    void a_refusal_is_a_422_naming_the_fields() {
        SideEffects effects = new SideEffects(List.of(AdverseEventType.OTHER), null, Severity.MILD, false, true, null);
        assertThatThrownBy(() -> PatientAnswersOutcome.report(answers(null, null, null, effects), ANSWERED))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status().value()).isEqualTo(422));
    }

    private static List<String> fields(SideEffects effects) {
        return PatientAnswersOutcome.violations(answers(null, null, null, effects)).stream().map(FieldError::field)
                .toList();
    }
}
