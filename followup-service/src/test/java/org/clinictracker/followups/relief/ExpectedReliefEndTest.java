package org.clinictracker.followups.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.clinictracker.followups.report.PublishedFigure;
import org.clinictracker.followups.report.PublishedOutcomes;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpectedReliefEndTest {

    private static final LocalDate PERFORMED = LocalDate.of(2026, 1, 10);
    private static final int MIN_CLINIC = 10;

    private static Optional<ExpectedReliefEnd> estimate(Modality modality, List<Integer> own, List<Integer> clinic) {
        return ExpectedReliefEnd.estimate(modality, PERFORMED, own, clinic, MIN_CLINIC);
    }

    private static ExpectedReliefEnd days(int likely, int earliest, int latest, ReliefBasis basis, Integer sample) {
        return new ExpectedReliefEnd(PERFORMED.plusDays(likely), PERFORMED.plusDays(earliest), PERFORMED.plusDays(latest),
                basis, sample);
    }

    /** Ten clinic durations: 10, 20, ... 100 days. */
    private static final List<Integer> CLINIC_TEN = IntStream.rangeClosed(1, 10).mapToObj(i -> i * 10).toList();

    @Nested
    class Own_history {

        @Test
        void one_earlier_relief_gives_its_own_length_as_likely_earliest_and_latest() {
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(200), List.of()))
                    .contains(days(200, 200, 200, ReliefBasis.OWN_HISTORY, 1));
        }

        @Test
        void the_likely_end_is_the_median_and_the_range_is_shortest_to_longest() {
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(300, 150, 210), List.of()))
                    .contains(days(210, 150, 300, ReliefBasis.OWN_HISTORY, 3));
        }

        @Test
        void an_even_count_takes_the_middle_two_and_rounds_towards_the_earlier_day() {
            assertThat(estimate(Modality.RADIOFREQUENCY_ABLATION, List.of(151, 100), List.of()))
                    .contains(days(125, 100, 151, ReliefBasis.OWN_HISTORY, 2));
            assertThat(estimate(Modality.RADIOFREQUENCY_ABLATION, List.of(100, 120, 150, 400), List.of()))
                    .contains(days(135, 100, 400, ReliefBasis.OWN_HISTORY, 4));
        }

        @Test
        void the_patients_own_history_wins_over_a_large_clinic_record() {
            List<Integer> bigClinic = Collections.nCopies(500, 300);
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(60), bigClinic))
                    .contains(days(60, 60, 60, ReliefBasis.OWN_HISTORY, 1));
        }

        @Test
        void relief_that_ended_on_the_day_of_the_procedure_counts_as_zero_days() {
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(0), List.of()))
                    .contains(days(0, 0, 0, ReliefBasis.OWN_HISTORY, 1));
        }

        @Test
        void an_impossible_duration_is_ignored_and_does_not_count_in_the_sample() {
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(-5, 100), List.of()))
                    .contains(days(100, 100, 100, ReliefBasis.OWN_HISTORY, 1));
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(-1), List.of()))
                    .map(ExpectedReliefEnd::basis).contains(ReliefBasis.PUBLISHED_RANGE);
        }

        @Test
        void the_clinic_record_is_not_even_read_when_the_patient_has_a_history() {
            assertThat(ExpectedReliefEnd.estimate(Modality.CRYONEUROLYSIS, PERFORMED, List.of(80), () -> {
                throw new AssertionError("the clinic's record was read");
            }, MIN_CLINIC)).map(ExpectedReliefEnd::basis).contains(ReliefBasis.OWN_HISTORY);
        }

        @Test
        void a_nerve_block_with_own_history_is_estimated_from_it() {
            assertThat(estimate(Modality.NERVE_BLOCK, List.of(20, 30), List.of()))
                    .contains(days(25, 20, 30, ReliefBasis.OWN_HISTORY, 2));
        }
    }

    @Nested
    class Clinic_record {

        @Test
        void at_the_minimum_sample_the_clinic_record_gives_median_and_quartiles() {
            // R-7 on 10..100: Q1 = 32.5 (down to 32), median = 55, Q3 = 77.5 (up to 78)
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(), CLINIC_TEN))
                    .contains(days(55, 32, 78, ReliefBasis.CLINIC_RECORD, 10));
        }

        @Test
        void one_short_of_the_minimum_falls_through_to_the_published_range() {
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(), CLINIC_TEN.subList(0, 9)))
                    .contains(days(225, 90, 360, ReliefBasis.PUBLISHED_RANGE, null));
        }

        @Test
        void impossible_durations_do_not_make_up_the_minimum() {
            List<Integer> withNegative = new ArrayList<>(CLINIC_TEN.subList(0, 9));
            withNegative.add(-3);
            assertThat(estimate(Modality.RADIOFREQUENCY_ABLATION, List.of(), withNegative))
                    .map(ExpectedReliefEnd::basis).contains(ReliefBasis.PUBLISHED_RANGE);
        }

        @Test
        void the_minimum_is_configurable_and_an_empty_record_never_counts() {
            assertThat(ExpectedReliefEnd.estimate(Modality.CRYONEUROLYSIS, PERFORMED, List.of(), List.of(100, 200), 2))
                    .contains(days(150, 125, 175, ReliefBasis.CLINIC_RECORD, 2));
            assertThat(ExpectedReliefEnd.estimate(Modality.CRYONEUROLYSIS, PERFORMED, List.of(), List.of(), 0))
                    .map(ExpectedReliefEnd::basis).contains(ReliefBasis.PUBLISHED_RANGE);
        }

        @Test
        void equal_durations_give_a_range_of_one_day() {
            assertThat(estimate(Modality.RADIOFREQUENCY_ABLATION, List.of(), Collections.nCopies(12, 150)))
                    .contains(days(150, 150, 150, ReliefBasis.CLINIC_RECORD, 12));
        }

        @Test
        void a_nerve_block_with_a_clinic_record_is_estimated_from_it() {
            assertThat(estimate(Modality.NERVE_BLOCK, List.of(), CLINIC_TEN))
                    .map(ExpectedReliefEnd::basis).contains(ReliefBasis.CLINIC_RECORD);
        }
    }

    @Nested
    class Published_range {

        @Test
        void cryoneurolysis_is_3_to_12_months_of_30_days_likely_at_the_midpoint() {
            assertThat(estimate(Modality.CRYONEUROLYSIS, List.of(), List.of()))
                    .contains(days(225, 90, 360, ReliefBasis.PUBLISHED_RANGE, null));
        }

        @Test
        void rfa_is_3_to_9_months_likely_at_the_midpoint() {
            assertThat(estimate(Modality.RADIOFREQUENCY_ABLATION, List.of(), List.of()))
                    .contains(days(180, 90, 270, ReliefBasis.PUBLISHED_RANGE, null));
        }

        @ParameterizedTest
        @EnumSource(value = Modality.class, names = { "CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION" })
        void is_the_range_the_outcome_report_stands_beside_the_clinics_own(Modality modality) {
            PublishedFigure published = PublishedOutcomes.relief(modality).orElseThrow();
            ExpectedReliefEnd estimate = estimate(modality, List.of(), List.of()).orElseThrow();

            assertThat(estimate.earliest()).isEqualTo(PERFORMED.plusDays(published.low().longValue()));
            assertThat(estimate.latest()).isEqualTo(PERFORMED.plusDays(published.high().longValue()));
        }

        @Test
        void a_nerve_block_has_none_published_in_either() {
            assertThat(PublishedOutcomes.relief(Modality.NERVE_BLOCK)).isEmpty();
            assertThat(estimate(Modality.NERVE_BLOCK, List.of(), List.of())).isEmpty();
        }

        @Test
        void twelve_months_are_360_days_never_later_than_a_calendar_year_even_over_a_leap_day() {
            LocalDate performed = LocalDate.of(2027, 3, 1);
            ExpectedReliefEnd estimate = ExpectedReliefEnd
                    .estimate(Modality.CRYONEUROLYSIS, performed, List.of(), List.of(), MIN_CLINIC).orElseThrow();
            assertThat(estimate.latest()).isEqualTo(LocalDate.of(2028, 2, 24)).isBefore(performed.plusYears(1));
        }

        @Test
        void a_nerve_block_has_no_published_range_so_no_estimate() {
            assertThat(estimate(Modality.NERVE_BLOCK, List.of(), List.of())).isEmpty();
            assertThat(estimate(Modality.NERVE_BLOCK, List.of(), CLINIC_TEN.subList(0, 9))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Modality.class)
    void earliest_is_never_after_likely_nor_likely_after_latest(Modality modality) {
        List<List<Integer>> samples = List.of(List.of(), List.of(1), List.of(1, 2), List.of(7, 7, 400), CLINIC_TEN,
                List.of(5, 500, 5, 500, 5, 500, 5, 500, 5, 501, 3));
        for (List<Integer> own : samples) {
            for (List<Integer> clinic : samples) {
                estimate(modality, own, clinic).ifPresent(estimate -> {
                    assertThat(estimate.earliest()).isAfterOrEqualTo(PERFORMED).isBeforeOrEqualTo(estimate.likely());
                    assertThat(estimate.likely()).isBeforeOrEqualTo(estimate.latest());
                });
            }
        }
    }
}
