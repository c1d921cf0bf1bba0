package org.clinictracker.followups.missed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.clinictracker.followups.missed.LostToFollowUp.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LostToFollowUpTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private final LostToFollowUp clinicDefault = new LostToFollowUp(2);

    @Test
    void a_first_miss_counts_but_does_not_lose_the_patient() {
        Standing after = clinicDefault.afterMiss(Standing.FOLLOWED, MONDAY);
        assertThat(after).isEqualTo(new Standing(1, null));
        assertThat(after.lost()).isFalse();
    }

    @Test
    void the_miss_that_reaches_the_limit_loses_the_patient_from_that_day() {
        Standing after = clinicDefault.afterMiss(new Standing(1, null), MONDAY);
        assertThat(after).isEqualTo(new Standing(2, MONDAY));
        assertThat(after.lost()).isTrue();
    }

    @Test
    void two_misses_noticed_on_the_same_day_lose_the_patient_on_that_day() {
        Standing first = clinicDefault.afterMiss(Standing.FOLLOWED, MONDAY);
        Standing second = clinicDefault.afterMiss(first, MONDAY);
        assertThat(second).isEqualTo(new Standing(2, MONDAY));
    }

    @Test
    void later_misses_keep_counting_and_keep_the_day_the_patient_was_first_lost() {
        Standing after = clinicDefault.afterMiss(new Standing(2, MONDAY), MONDAY.plusDays(30));
        assertThat(after).isEqualTo(new Standing(3, MONDAY));
    }

    @Test
    void a_patient_already_lost_with_a_count_below_a_raised_limit_stays_lost() {
        // the clinic raised the limit after the patient was marked: the mark stands until an outcome
        Standing after = new LostToFollowUp(5).afterMiss(new Standing(2, MONDAY), MONDAY.plusDays(1));
        assertThat(after).isEqualTo(new Standing(3, MONDAY));
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = { 1, 2, 3, 4 })
    void the_patient_is_lost_exactly_at_the_limit(int limit) {
        LostToFollowUp rule = new LostToFollowUp(limit);
        Standing standing = Standing.FOLLOWED;
        for (int miss = 1; miss <= limit; miss++) {
            LocalDate day = MONDAY.plusDays(miss);
            standing = rule.afterMiss(standing, day);
            assertThat(standing.consecutiveMisses()).isEqualTo(miss);
            assertThat(standing.lost()).as("lost after %d of %d misses", miss, limit).isEqualTo(miss == limit);
        }
        assertThat(standing.lostSince()).isEqualTo(MONDAY.plusDays(limit));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1 })
    void a_limit_below_one_is_a_configuration_error(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> new LostToFollowUp(limit));
    }

    @Test
    void a_negative_count_cannot_exist() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Standing(-1, null));
    }
}
