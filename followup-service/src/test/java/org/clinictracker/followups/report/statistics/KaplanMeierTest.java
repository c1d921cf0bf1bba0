package org.clinictracker.followups.report.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class KaplanMeierTest {

    private static final double TOLERANCE = 1e-3;
    private static final double Z = 1.959963984540054;

    /** "6", "6+" (censored) and so on, as survival textbooks write them. */
    private static List<SurvivalTime> times(String... times) {
        List<SurvivalTime> subjects = new ArrayList<>();
        for (String time : times) {
            boolean censored = time.endsWith("+");
            subjects.add(new SurvivalTime(Long.parseLong(censored ? time.substring(0, time.length() - 1) : time), !censored));
        }
        return subjects;
    }

    private static SurvivalStep at(SurvivalCurve curve, long day) {
        return curve.steps().stream().filter(step -> step.day() == day).findFirst().orElseThrow();
    }

    /**
     * Greenwood's standard error S·√Σ, read back from the log-log interval: ln(lower)/ln(S) = exp(z·√Σ/|ln S|),
     * so √Σ = ln(ln(lower)/ln(S)) · |ln S| / z.
     */
    private static double greenwoodStandardError(SurvivalStep step) {
        double logSurvival = Math.log(step.survival());
        double rootSum = Math.log(Math.log(step.lower()) / logSurvival) * Math.abs(logSurvival) / Z;
        return step.survival() * rootSum;
    }

    @Test
    void the_freireich_6mp_arm_gives_the_published_estimate() {
        // Gehan (1965), 6-MP arm, n = 21. By hand (nᵢ at risk, dᵢ events, S, Σ dᵢ/(nᵢ(nᵢ−dᵢ)), SE = S·√Σ):
        //  6: 21, 3  S = 18/21          = 0.857143  Σ = 3/378            = 0.007937  SE 0.0764
        //  7: 17, 1  S = 0.857143·16/17 = 0.806723  Σ += 1/272 → 0.011613            SE 0.0869
        // 10: 15, 1  S = 0.806723·14/15 = 0.752941  Σ += 1/210 → 0.016375            SE 0.0963
        // 13: 12, 1  S = 0.752941·11/12 = 0.690196  Σ += 1/132 → 0.023951            SE 0.1068
        // 16: 11, 1  S = 0.690196·10/11 = 0.627451  Σ += 1/110 → 0.033042            SE 0.1141
        // 22:  7, 1  S = 0.627451·6/7   = 0.537815  Σ += 1/42  → 0.056852            SE 0.1282
        // 23:  6, 1  S = 0.537815·5/6   = 0.448179  Σ += 1/30  → 0.090185            SE 0.1346
        // The published SEs (0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135) agree to rounding.
        SurvivalCurve curve = KaplanMeier.estimate(times("6", "6", "6", "6+", "7", "9+", "10", "10+", "11+", "13", "16",
                "17+", "19+", "20+", "22", "23", "25+", "32+", "32+", "34+", "35+"));

        assertThat(curve.subjects()).isEqualTo(21);
        assertThat(curve.events()).isEqualTo(9);
        assertThat(curve.censored()).isEqualTo(12);
        long[] days = {6, 7, 10, 13, 16, 22, 23};
        double[] survival = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
        double[] standardError = {0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135};
        for (int i = 0; i < days.length; i++) {
            SurvivalStep step = at(curve, days[i]);
            assertThat(step.survival()).as("S(%d)", days[i]).isCloseTo(survival[i], within(TOLERANCE));
            assertThat(greenwoodStandardError(step)).as("SE(%d)", days[i]).isCloseTo(standardError[i], within(TOLERANCE));
        }
        // log-log bounds at 13: exp(z·√0.023951/0.370780) = 2.266093; 0.690196^2.266093 = 0.4316, ^(1/2.266093) = 0.8491
        assertThat(at(curve, 13).lower()).isCloseTo(0.4316, within(TOLERANCE));
        assertThat(at(curve, 13).upper()).isCloseTo(0.8491, within(TOLERANCE));
        // median 23 (the first S ≤ 0.5); its lower bound is 13, the first day whose lower bound is ≤ 0.5 (at 10 it is
        // 0.5032); the upper bound never falls to 0.5 (0.6801 at 23, the last event), so it is undefined
        assertThat(at(curve, 10).lower()).isCloseTo(0.5032, within(TOLERANCE));
        assertThat(curve.medianDays()).isEqualTo(new Estimate(23, 13.0, null));
    }

    @Test
    void every_time_with_an_event_or_a_censoring_is_a_step_with_its_risk_set() {
        SurvivalCurve curve = KaplanMeier.estimate(times("6", "6", "6", "6+", "7", "9+", "10", "10+", "11+", "13", "16",
                "17+", "19+", "20+", "22", "23", "25+", "32+", "32+", "34+", "35+"));

        assertThat(curve.steps()).extracting(SurvivalStep::day)
                .containsExactly(6L, 7L, 9L, 10L, 11L, 13L, 16L, 17L, 19L, 20L, 22L, 23L, 25L, 32L, 34L, 35L);
        assertThat(curve.steps()).extracting(SurvivalStep::atRisk)
                .containsExactly(21, 17, 16, 15, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 2, 1);
        assertThat(at(curve, 32)).extracting(SurvivalStep::events, SurvivalStep::censored).containsExactly(0, 2);
        // a censoring moves no estimate: at 9 the curve and its band are those of 7
        assertThat(at(curve, 9).survival()).isEqualTo(at(curve, 7).survival());
        assertThat(at(curve, 9).lower()).isEqualTo(at(curve, 7).lower());
        assertThat(at(curve, 35).survival()).isCloseTo(0.448, within(TOLERANCE));
    }

    @Test
    void a_censoring_between_events_shrinks_the_risk_set() {
        // 1, 2+, 3, 4 (n = 4): S(1) = 3/4 = 0.75, Σ = 1/(4·3) = 0.083333;
        // at 3 only 2 are at risk: S(3) = 0.75·1/2 = 0.375, Σ = 1/12 + 1/(2·1) = 0.583333, SE = 0.375·√Σ = 0.2864;
        // at 4 the last one has the event: S = 0, no band. Median 3; lower bound at 1 (0.75^7.1497 = 0.1279), upper
        // bounds 0.9605 (1), 0.8080 (3), none at 4: never ≤ 0.5
        SurvivalCurve curve = KaplanMeier.estimate(times("1", "2+", "3", "4"));

        assertThat(curve.steps()).extracting(SurvivalStep::atRisk).containsExactly(4, 3, 2, 1);
        assertThat(at(curve, 2).survival()).isEqualTo(0.75);
        assertThat(at(curve, 3).survival()).isEqualTo(0.375);
        assertThat(greenwoodStandardError(at(curve, 3))).isCloseTo(0.2864, within(TOLERANCE));
        assertThat(at(curve, 1).lower()).isCloseTo(0.1279, within(TOLERANCE));
        assertThat(at(curve, 1).upper()).isCloseTo(0.9605, within(TOLERANCE));
        assertThat(at(curve, 3).lower()).isCloseTo(0.0110, within(TOLERANCE));
        assertThat(at(curve, 3).upper()).isCloseTo(0.8080, within(TOLERANCE));
        assertThat(at(curve, 4)).extracting(SurvivalStep::survival, SurvivalStep::lower, SurvivalStep::upper)
                .containsExactly(0.0, null, null);
        assertThat(curve.medianDays()).isEqualTo(new Estimate(3, 1.0, null));
    }

    @Test
    void at_a_tied_time_events_come_before_censorings() {
        // 2, 2, 2+, 3+, 5 (n = 5): at 2 all five are at risk, the one censored there included:
        // S(2) = 1 − 2/5 = 0.6 (censoring first would give 1 − 2/4 = 0.5), Σ = 2/(5·3) = 0.133333, SE 0.2191
        SurvivalCurve curve = KaplanMeier.estimate(times("2", "2+", "2", "3+", "5"));

        SurvivalStep two = at(curve, 2);
        assertThat(two).extracting(SurvivalStep::atRisk, SurvivalStep::events, SurvivalStep::censored)
                .containsExactly(5, 2, 1);
        assertThat(two.survival()).isEqualTo(0.6);
        assertThat(greenwoodStandardError(two)).isCloseTo(0.2191, within(TOLERANCE));
        assertThat(at(curve, 3).atRisk()).isEqualTo(2);
        assertThat(at(curve, 5)).extracting(SurvivalStep::atRisk, SurvivalStep::survival).containsExactly(1, 0.0);
        // median 5, where S falls from 0.6 to 0; the lower bound at 2 is 0.1257; no upper bound ≤ 0.5 (0.8818 at 2)
        assertThat(curve.medianDays()).isEqualTo(new Estimate(5, 2.0, null));
    }

    @Test
    void a_curve_that_falls_to_zero_reaches_its_median_where_half_are_gone() {
        // 1, 2, 3, 4 (n = 4): S = 0.75, 0.5, 0.25, 0. Median 2 (S = 0.5 ≤ 0.5).
        // Upper bounds: 0.9605 (Σ = 1/12), 0.8449 (Σ = 1/4), 0.6653 (Σ = 3/4), none at S = 0; so none ≤ 0.5
        SurvivalCurve curve = KaplanMeier.estimate(times("4", "3", "2", "1"));

        assertThat(curve.steps()).extracting(SurvivalStep::survival).containsExactly(0.75, 0.5, 0.25, 0.0);
        assertThat(at(curve, 2).upper()).isCloseTo(0.8449, within(TOLERANCE));
        assertThat(at(curve, 3).upper()).isCloseTo(0.6653, within(TOLERANCE));
        assertThat(curve.events()).isEqualTo(4);
        assertThat(curve.censored()).isZero();
        assertThat(curve.medianDays()).isEqualTo(new Estimate(2, 1.0, null));
    }

    @Test
    void when_everyone_is_still_relieved_the_curve_stays_at_one_and_has_no_median() {
        SurvivalCurve curve = KaplanMeier.estimate(times("30+", "90+", "90+"));

        assertThat(curve.events()).isZero();
        assertThat(curve.censored()).isEqualTo(3);
        assertThat(curve.steps()).extracting(SurvivalStep::survival).containsOnly(1.0);
        // the log-log band is undefined at S = 1
        assertThat(curve.steps()).extracting(SurvivalStep::lower).containsOnlyNulls();
        assertThat(curve.steps()).extracting(SurvivalStep::upper).containsOnlyNulls();
        assertThat(curve.medianDays()).isNull();
    }

    @Test
    void a_group_of_one_with_the_event_has_a_median_but_no_interval() {
        SurvivalCurve curve = KaplanMeier.estimate(times("120"));

        assertThat(curve.steps()).containsExactly(new SurvivalStep(120, 1, 1, 0, 0.0, null, null));
        assertThat(curve.medianDays()).isEqualTo(new Estimate(120, null, null));
    }

    @Test
    void a_group_of_one_still_relieved_has_no_median() {
        SurvivalCurve curve = KaplanMeier.estimate(times("45+"));

        assertThat(curve.steps()).containsExactly(new SurvivalStep(45, 1, 0, 1, 1.0, null, null));
        assertThat(curve.medianDays()).isNull();
    }

    @Test
    void nobody_gives_an_empty_curve() {
        assertThat(KaplanMeier.estimate(List.of())).isEqualTo(new SurvivalCurve(0, 0, 0, List.of(), null));
    }

    @Test
    void relief_ending_on_the_day_of_the_procedure_is_an_event_at_day_zero() {
        SurvivalCurve curve = KaplanMeier.estimate(times("0", "10"));

        assertThat(curve.steps().get(0)).extracting(SurvivalStep::day, SurvivalStep::survival).containsExactly(0L, 0.5);
        assertThat(curve.medianDays().value()).isEqualTo(0.0);
    }

    @Test
    void a_negative_time_is_a_mistake() {
        assertThatIllegalArgumentException().isThrownBy(() -> KaplanMeier.estimate(List.of(new SurvivalTime(-1, true))));
    }

    // what holds of every curve, whatever the follow-up times (few distinct days, so many ties): jqwik

    @Provide
    Arbitrary<SurvivalTime> subjects() {
        return Arbitraries.longs().between(0, 30).flatMap(days ->
                Arbitraries.of(true, false).map(event -> new SurvivalTime(days, event)));
    }

    @Property(tries = 300)
    void survival_never_rises_and_stays_within_its_band(@ForAll @Size(max = 40) List<@From("subjects") SurvivalTime> times) {
        SurvivalCurve curve = KaplanMeier.estimate(times);

        double previous = 1.0;
        for (SurvivalStep step : curve.steps()) {
            assertThat(step.survival()).isBetween(0.0, previous);
            if (step.lower() != null) {
                assertThat(step.lower()).isBetween(0.0, step.survival());
                assertThat(step.upper()).isBetween(step.survival(), 1.0);
            }
            previous = step.survival();
        }
        assertThat(curve.events() + curve.censored()).isEqualTo(times.size());
        assertThat(curve.steps().stream().mapToInt(step -> step.events() + step.censored()).sum()).isEqualTo(times.size());
    }

    @Property(tries = 300)
    void the_median_lies_within_its_interval(@ForAll @Size(max = 40) List<@From("subjects") SurvivalTime> times) {
        Estimate median = KaplanMeier.estimate(times).medianDays();

        if (median != null) {
            if (median.lower() != null) {
                assertThat(median.lower()).isLessThanOrEqualTo(median.value());
            }
            if (median.upper() != null) {
                assertThat(median.upper()).isGreaterThanOrEqualTo(median.value());
            }
        }
    }

    @Test
    void counts_per_day_give_the_curve_of_the_subjects_they_count() {
        // the 6-MP arm again, counted per day as the database groups it (a day may come twice, in any order)
        SurvivalCurve fromCounts = KaplanMeier.ofCounts(List.of(new SurvivalCount(10, 1, 1), new SurvivalCount(6, 3, 0),
                new SurvivalCount(6, 0, 1), new SurvivalCount(7, 1, 0), new SurvivalCount(9, 0, 1),
                new SurvivalCount(11, 0, 1), new SurvivalCount(13, 1, 0), new SurvivalCount(16, 1, 0),
                new SurvivalCount(17, 0, 1), new SurvivalCount(19, 0, 1), new SurvivalCount(20, 0, 1),
                new SurvivalCount(22, 1, 0), new SurvivalCount(23, 1, 0), new SurvivalCount(25, 0, 1),
                new SurvivalCount(32, 0, 2), new SurvivalCount(34, 0, 1), new SurvivalCount(35, 0, 1),
                new SurvivalCount(40, 0, 0)));

        assertThat(fromCounts).isEqualTo(KaplanMeier.estimate(times("6", "6", "6", "6+", "7", "9+", "10", "10+", "11+",
                "13", "16", "17+", "19+", "20+", "22", "23", "25+", "32+", "32+", "34+", "35+")));
        assertThat(KaplanMeier.ofCounts(List.of())).isEqualTo(KaplanMeier.estimate(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> KaplanMeier.ofCounts(List.of(new SurvivalCount(-1, 1, 0))));
    }
}
