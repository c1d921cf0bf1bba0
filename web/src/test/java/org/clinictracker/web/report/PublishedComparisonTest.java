package org.clinictracker.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.report.Published.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Where a clinic's figure stands against the source's: said only when its whole 95 % interval is inside the
 * published range or on one side of it; the published figure read in the clinic's scale; numbers in words.
 */
class PublishedComparisonTest {

    private static Published published(String figure, Double low, Double high, String unit) {
        Map<String, Object> json = new HashMap<>();
        json.put("figure", figure);
        json.put("low", low);
        json.put("high", high);
        json.put("unit", unit);
        return Published.of(json);
    }

    private final Published painReduction = published("PAIN_REDUCTION", 4.0, 5.0, "points");

    @Test
    void an_interval_inside_the_range_is_within_it_and_one_wholly_beside_it_is_above_or_below() {
        assertThat(painReduction.compare(4.1, 4.9)).isEqualTo(Verdict.WITHIN);
        assertThat(painReduction.compare(4.0, 5.0)).as("the edges belong to the range").isEqualTo(Verdict.WITHIN);
        assertThat(painReduction.compare(1.2, 3.9)).isEqualTo(Verdict.BELOW);
        assertThat(painReduction.compare(5.1, 6.0)).isEqualTo(Verdict.ABOVE);
    }

    @Test
    void an_interval_across_an_edge_or_missing_cannot_tell() {
        assertThat(painReduction.compare(3.1, 4.7)).isEqualTo(Verdict.TOO_FEW);
        assertThat(painReduction.compare(3.0, 6.0)).as("wider than the range").isEqualTo(Verdict.TOO_FEW);
        assertThat(painReduction.compare(null, null)).as("a group of one").isEqualTo(Verdict.TOO_FEW);
        assertThat(painReduction.compare(4.2, null)).as("no upper bound").isEqualTo(Verdict.TOO_FEW);
    }

    @Test
    void a_median_whose_upper_bound_is_never_reached_is_above_once_its_lower_bound_is() {
        Published rfa = published("RELIEF_DURATION_DAYS", 90.0, 270.0, "days");
        assertThat(rfa.compare(300.0, null)).isEqualTo(Verdict.ABOVE);
        assertThat(rfa.compare(200.0, null)).isEqualTo(Verdict.TOO_FEW);
    }

    @Test
    void a_published_share_in_percent_is_compared_as_a_share_and_up_to_has_no_lower_bound() {
        Published responders = published("RESPONDER_SHARE", null, 70.0, "%");
        assertThat(responders.high()).isEqualTo(0.7);
        assertThat(responders.range()).isEqualTo("up to 70 %");
        assertThat(responders.compare(0.0807, 0.4160)).isEqualTo(Verdict.WITHIN);
        assertThat(responders.compare(0.3866, 0.7812)).isEqualTo(Verdict.TOO_FEW);
        assertThat(responders.compare(0.72, 0.9)).isEqualTo(Verdict.ABOVE);
        assertThat(published("RESPONDER_SHARE", null, 0.7, "share").high()).as("already a share").isEqualTo(0.7);
    }

    @Test
    void a_duration_published_in_months_is_read_in_days() {
        Published cryo = published("RELIEF_DURATION_DAYS", 6.0, 12.0, "months");
        assertThat(cryo.low()).isEqualTo(182.625);
        assertThat(cryo.range()).isEqualTo("183–365 days (about 6–12 months)");
        assertThat(published("RELIEF_DURATION_DAYS", 180.0, 360.0, "days").range())
                .isEqualTo("180–360 days (about 6–12 months)");
    }

    @Test
    void figures_read_with_their_n_and_interval_and_never_as_nan_or_null() {
        assertThat(Figures.share(12, 20, Map.of("value", 0.6, "lower", 0.3866, "upper", 0.7812)))
                .isEqualTo("12 of 20 (60 %, 95 % CI 39–78 %)");
        assertThat(Figures.share(0, 0, Map.of())).isEqualTo("No outcome in this window yet");
        assertThat(Figures.share(1, 4, Map.of())).as("no estimate given: the share, no interval").isEqualTo("1 of 4 (25 %)");
        assertThat(Figures.mean(Map.of("n", 0), " points")).isEqualTo("No data");
        assertThat(Figures.mean(Map.of("n", 1, "mean", 5), " points")).isEqualTo("5.0 points (one procedure: no interval)");
        assertThat(Figures.mean(Map.of("n", 2, "mean", Double.NaN), " points")).isEqualTo("No data");
        assertThat(Figures.days(Map.of("value", 243.0))).isEqualTo("243 days, about 8 months (no interval: too few)");
        assertThat(Figures.days(Map.of())).isNull();
        assertThat(ReliefDurationChart.stillRelieved(List.of(Map.of("day", 100, "survival", 0.0)), 365))
                .as("nobody left relieved: known past the last follow-up").isEqualTo("0 %");
    }
}
