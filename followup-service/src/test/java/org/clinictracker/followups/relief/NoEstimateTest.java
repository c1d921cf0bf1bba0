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
    void relief_that_ended_says_so_even_for_a_responder(Modality modality) {
        assertThat(NoEstimate.of(modality, DAY, DAY.plusDays(90), false)).isEqualTo(NoEstimate.RELIEF_ENDED);
    }

    @ParameterizedTest
    @EnumSource(Modality.class)
    void no_responder_yet_says_so(Modality modality) {
        assertThat(NoEstimate.of(modality, null, null, false)).isEqualTo(NoEstimate.NOT_A_RESPONDER);
    }

    @Test
    void a_responding_nerve_block_without_an_estimate_has_no_published_range() {
        assertThat(NoEstimate.of(Modality.NERVE_BLOCK, DAY, null, false)).isEqualTo(NoEstimate.NO_PUBLISHED_RANGE);
        assertThat(NoEstimate.of(Modality.NERVE_BLOCK, DAY, null, true)).isNull();
    }

    @Test
    void a_responder_of_a_modality_with_a_published_range_needs_no_excuse() {
        assertThat(NoEstimate.of(Modality.CRYONEUROLYSIS, DAY, null, true)).isNull();
        assertThat(NoEstimate.of(Modality.RADIOFREQUENCY_ABLATION, DAY, null, false)).isNull();
    }
}
