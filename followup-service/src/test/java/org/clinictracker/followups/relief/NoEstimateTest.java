package org.clinictracker.followups.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoEstimateTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @ParameterizedTest
    @EnumSource(Modality.class)
    void relief_that_ended_says_so_even_for_a_responder_treated_again(Modality modality) {
        assertThat(NoEstimate.of(modality, DAY, DAY.plusDays(90), true, false)).isEqualTo(NoEstimate.RELIEF_ENDED);
        assertThat(NoEstimate.of(modality, DAY, DAY.plusDays(90), false, false)).isEqualTo(NoEstimate.RELIEF_ENDED);
        assertThat(NoEstimate.estimable(DAY, DAY.plusDays(90), false)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Modality.class)
    void a_plan_whose_targets_were_treated_again_leaves_the_estimate_to_the_new_plan(Modality modality) {
        assertThat(NoEstimate.of(modality, DAY, null, true, false)).isEqualTo(NoEstimate.REPEATED);
        assertThat(NoEstimate.of(modality, null, null, true, false)).isEqualTo(NoEstimate.REPEATED);
        assertThat(NoEstimate.estimable(DAY, null, true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Modality.class)
    void no_responder_yet_says_so(Modality modality) {
        assertThat(NoEstimate.of(modality, null, null, false, false)).isEqualTo(NoEstimate.NOT_A_RESPONDER);
        assertThat(NoEstimate.estimable(null, null, false)).isFalse();
    }

    @Test
    void a_responding_nerve_block_without_an_estimate_has_no_published_range() {
        assertThat(NoEstimate.of(Modality.NERVE_BLOCK, DAY, null, false, false)).isEqualTo(NoEstimate.NO_PUBLISHED_RANGE);
        assertThat(NoEstimate.of(Modality.NERVE_BLOCK, DAY, null, false, true)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Modality.class)
    void a_responder_whose_relief_goes_on_is_estimable(Modality modality) {
        assertThat(NoEstimate.estimable(DAY, null, false)).isTrue();
        assertThat(NoEstimate.of(modality, DAY, null, false, true)).isNull();
    }

    @Test
    void a_responder_of_a_modality_with_a_published_range_needs_no_excuse() {
        assertThat(NoEstimate.of(Modality.CRYONEUROLYSIS, DAY, null, false, true)).isNull();
        assertThat(NoEstimate.of(Modality.RADIOFREQUENCY_ABLATION, DAY, null, false, false)).isNull();
    }
}
