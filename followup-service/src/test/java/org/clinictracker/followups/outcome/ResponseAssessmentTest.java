package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.followups.outcome.WaningReason.PAIN_REDUCTION_BELOW_50_PERCENT;
import static org.clinictracker.followups.outcome.WaningReason.PAIN_UP_2_FROM_BEST;
import static org.clinictracker.followups.outcome.WaningReason.RELIEF_BELOW_50_PERCENT;
import static org.clinictracker.followups.outcome.WaningReason.SENSATION_RETURNED_WITH_PAIN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.outcome.ResponseAssessment.Measures;
import org.clinictracker.followups.outcome.ResponseAssessment.PlanResponse;
import org.clinictracker.followups.outcome.ResponseAssessment.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseAssessmentTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static Measures on(int day, Integer pain, Integer relief, Boolean sensation) {
        return new Measures(UUID.randomUUID(), DAY.plusDays(day), pain, relief, sensation);
    }

    private static Measures pain(int day, int pain) {
        return on(day, pain, null, null);
    }

    private static Verdict last(PlanResponse response) {
        return response.verdicts().get(response.verdicts().size() - 1);
    }

    @ParameterizedTest(name = "baseline {0}, pain {1} -> responder {2}")
    @CsvSource({
            "8, 4, true", "8, 5, false", "8, 0, true",
            "7, 3, true", "7, 4, false",  // 3.5 is half of 7: 3 is at least 50 % below, 4 is not
            "10, 5, true", "10, 6, false",
            "1, 0, true", "1, 1, false",
            "2, 1, true", "2, 2, false" })
    void a_responder_has_pain_at_least_half_below_the_baseline(int baseline, int pain, boolean responder) {
        assertThat(ResponseAssessment.assess(baseline, List.of(pain(14, pain))).verdicts().get(0).responder())
                .isEqualTo(responder);
    }

    @ParameterizedTest(name = "baseline {0}")
    @NullSource
    @ValueSource(ints = 0)
    void without_a_baseline_to_halve_responder_is_unknown_and_nothing_wanes(Integer baseline) {
        PlanResponse response = ResponseAssessment.assess(baseline,
                List.of(on(14, 0, 90, false), on(90, 9, 10, true), on(180, 10, 0, true)));

        assertThat(response.verdicts()).extracting(Verdict::responder).containsOnlyNulls();
        assertThat(response.verdicts()).noneMatch(Verdict::waningRelief);
        assertThat(response.responderSince()).isNull();
        assertThat(response.reliefEndedOn()).isNull();
        assertThat(response.bestPainScore()).isZero();
        assertThat(response.firstWaning()).isEmpty();
    }

    @Test
    void an_outcome_without_a_pain_score_leaves_responder_unknown() {
        PlanResponse response = ResponseAssessment.assess(8, List.of(on(14, null, 80, null)));
        assertThat(response.verdicts().get(0).responder()).isNull();
        assertThat(response.bestPainScore()).isNull();
        assertThat(response.responderSince()).isNull();
    }

    @Test
    void a_patient_who_never_responded_does_not_wane_however_bad_it_gets() {
        PlanResponse response = ResponseAssessment.assess(8,
                List.of(pain(14, 5), on(42, 7, 10, true), on(90, 9, 0, true)));
        assertThat(response.verdicts()).extracting(Verdict::responder).containsExactly(false, false, false);
        assertThat(response.verdicts()).noneMatch(Verdict::waningRelief);
        assertThat(response.reliefEndedOn()).isNull();
    }

    @Test
    void the_first_responding_outcome_cannot_itself_wane() {
        // 40 % relief reported while pain is halved: a responder, but not yet one whose relief falls
        Verdict first = ResponseAssessment.assess(8, List.of(on(14, 4, 40, true))).verdicts().get(0);
        assertThat(first.responder()).isTrue();
        assertThat(first.waningRelief()).isFalse();
        assertThat(first.reasons()).isEmpty();
    }

    @ParameterizedTest(name = "relief {0}% -> waning {1}")
    @CsvSource({ "49, true", "50, false", "0, true", "100, false" })
    void a_responders_relief_below_50_percent_is_waning(int relief, boolean waning) {
        Verdict verdict = last(ResponseAssessment.assess(8, List.of(pain(14, 2), on(90, 2, relief, null))));
        assertThat(verdict.waningRelief()).isEqualTo(waning);
        assertThat(verdict.reasons()).isEqualTo(waning ? List.of(RELIEF_BELOW_50_PERCENT) : List.of());
    }

    @ParameterizedTest(name = "best 1, pain {0} -> waning {1}")
    @CsvSource({ "2, false", "3, true" })
    void pain_two_points_above_its_best_is_waning(int pain, boolean waning) {
        Verdict verdict = last(ResponseAssessment.assess(8, List.of(pain(14, 1), pain(90, pain))));
        assertThat(verdict.waningRelief()).isEqualTo(waning);
        assertThat(verdict.reasons()).isEqualTo(waning ? List.of(PAIN_UP_2_FROM_BEST) : List.of());
    }

    @Test
    void the_best_is_the_lowest_pain_since_the_procedure_not_the_last() {
        // 4 -> 1 -> 2 -> 3: 3 is only 1 above the last but 2 above the best
        PlanResponse response = ResponseAssessment.assess(8, List.of(pain(14, 4), pain(42, 1), pain(90, 2), pain(180, 3)));
        assertThat(response.verdicts()).extracting(Verdict::waningRelief).containsExactly(false, false, false, true);
        assertThat(last(response).reasons()).containsExactly(PAIN_UP_2_FROM_BEST);
        assertThat(response.bestPainScore()).isEqualTo(1);
    }

    @Test
    void the_best_counts_outcomes_from_before_the_patient_responded() {
        // baseline 10: pain 6 (not yet a responder) then 5 (responder) then 7 (2 above the best 5, and 7 > 10/2)
        Verdict verdict = last(ResponseAssessment.assess(10, List.of(pain(2, 6), pain(14, 5), pain(42, 7))));
        assertThat(verdict.reasons()).containsExactly(PAIN_REDUCTION_BELOW_50_PERCENT, PAIN_UP_2_FROM_BEST);
    }

    @ParameterizedTest(name = "best 2, pain {0} with sensation back -> waning {1}")
    @CsvSource({ "2, false", "1, false", "3, true" })
    void sensation_returning_with_pain_above_its_best_is_waning(int pain, boolean waning) {
        Verdict verdict = last(ResponseAssessment.assess(8, List.of(pain(14, 2), on(90, pain, null, true))));
        assertThat(verdict.waningRelief()).isEqualTo(waning);
        assertThat(verdict.reasons()).isEqualTo(waning ? List.of(SENSATION_RETURNED_WITH_PAIN) : List.of());
    }

    @Test
    void sensation_returning_without_a_pain_score_or_with_sensation_not_back_is_not_waning() {
        assertThat(last(ResponseAssessment.assess(8, List.of(pain(14, 2), on(90, null, null, true)))).waningRelief())
                .isFalse();
        assertThat(last(ResponseAssessment.assess(8, List.of(pain(14, 2), on(90, 3, null, false)))).waningRelief())
                .isFalse();
    }

    @ParameterizedTest(name = "baseline 8, best 3, pain {0} -> waning {1}")
    @CsvSource({ "4, false", "5, true" })
    void a_responder_whose_pain_is_no_longer_halved_is_waning(int pain, boolean waning) {
        // best 3: pain 4 is neither 2 above it nor above half the baseline; pain 5 is above 8/2 though only 2 above 3
        Verdict verdict = last(ResponseAssessment.assess(8, List.of(pain(14, 3), pain(90, pain))));
        assertThat(verdict.waningRelief()).isEqualTo(waning);
        if (waning) {
            assertThat(verdict.reasons()).containsExactly(PAIN_REDUCTION_BELOW_50_PERCENT, PAIN_UP_2_FROM_BEST);
        }
    }

    @Test
    void every_reason_that_applies_is_given() {
        Verdict verdict = last(ResponseAssessment.assess(8, List.of(pain(14, 1), on(180, 7, 20, true))));
        assertThat(verdict.reasons()).containsExactly(RELIEF_BELOW_50_PERCENT, PAIN_REDUCTION_BELOW_50_PERCENT,
                PAIN_UP_2_FROM_BEST, SENSATION_RETURNED_WITH_PAIN);
    }

    @Test
    void the_plan_keeps_its_first_responder_day_lowest_pain_and_first_waning_day() {
        PlanResponse response = ResponseAssessment.assess(8,
                List.of(pain(2, 6), pain(14, 3), pain(42, 1), on(90, 4, 40, null), pain(180, 6), pain(270, 2)));
        assertThat(response.responderSince()).isEqualTo(DAY.plusDays(14));
        assertThat(response.bestPainScore()).isEqualTo(1);
        assertThat(response.reliefEndedOn()).isEqualTo(DAY.plusDays(90));
        assertThat(response.verdicts()).extracting(Verdict::waningRelief)
                .containsExactly(false, false, false, true, true, false);
        assertThat(response.firstWaning()).get().extracting(Verdict::visitId)
                .isEqualTo(response.verdicts().get(3).visitId());
    }

    @Test
    void outcomes_are_assessed_in_the_order_they_were_assessed_not_documented() {
        Measures week2 = pain(14, 2);
        Measures month3 = pain(90, 5);
        Measures week6DocumentedLate = pain(42, 1);
        List<Measures> documented = List.of(week2, month3, week6DocumentedLate);

        PlanResponse response = ResponseAssessment.assess(8, documented);

        assertThat(response.verdicts()).extracting(Verdict::visitId)
                .containsExactly(week2.visitId(), week6DocumentedLate.visitId(), month3.visitId());
        assertThat(response.verdicts().get(2).reasons()).containsExactly(PAIN_REDUCTION_BELOW_50_PERCENT, PAIN_UP_2_FROM_BEST);
        assertThat(response.reliefEndedOn()).isEqualTo(DAY.plusDays(90));
    }

    @Test
    void a_late_documented_earlier_response_makes_a_later_outcome_waning() {
        // documented first: month 3 at pain 6 (baseline 8, no responder yet); then week 2 at pain 2 turns up late
        List<Measures> outcomes = new ArrayList<>(List.of(pain(90, 6)));
        assertThat(ResponseAssessment.assess(8, outcomes).firstWaning()).isEmpty();
        outcomes.add(pain(14, 2));
        PlanResponse response = ResponseAssessment.assess(8, outcomes);
        assertThat(response.responderSince()).isEqualTo(DAY.plusDays(14));
        assertThat(response.reliefEndedOn()).isEqualTo(DAY.plusDays(90));
    }

    @Test
    void no_outcomes_no_response() {
        PlanResponse response = ResponseAssessment.assess(8, List.of());
        assertThat(response.verdicts()).isEmpty();
        assertThat(response.responderSince()).isNull();
        assertThat(response.bestPainScore()).isNull();
        assertThat(response.reliefEndedOn()).isNull();
    }
}
