package org.clinictracker.procedures.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.vocabulary.Laterality.BILATERAL;
import static org.clinictracker.vocabulary.Laterality.LEFT;
import static org.clinictracker.vocabulary.Laterality.RIGHT;
import static org.clinictracker.vocabulary.Modality.CRYONEUROLYSIS;
import static org.clinictracker.vocabulary.Modality.NERVE_BLOCK;
import static org.clinictracker.vocabulary.Modality.RADIOFREQUENCY_ABLATION;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.clinictracker.procedures.repeat.RepeatLinkage.EarlierTreatment;
import org.clinictracker.procedures.repeat.RepeatLinkage.Link;
import org.clinictracker.procedures.repeat.RepeatLinkage.Target;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatLinkageTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Target RIGHT_SUPEROMEDIAL = new Target("SUPEROMEDIAL_GENICULAR", RIGHT, null);
    static final Target RIGHT_INFEROMEDIAL = new Target("INFEROMEDIAL_GENICULAR", RIGHT, null);

    @Test
    void the_first_treatment_of_a_nerve_is_number_one_with_nothing_before_it() {
        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of())).isEqualTo(Link.FIRST);
    }

    @ParameterizedTest(name = "{0} days after the last one: early = {1}")
    @CsvSource({ "1, true", "89, true", "90, false", "91, false", "365, false" })
    void a_repeat_within_ninety_days_is_early(int days, boolean early) {
        EarlierTreatment earlier = treatment(CRYONEUROLYSIS, days, 1, RIGHT_SUPEROMEDIAL);

        Link link = RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(earlier));

        assertThat(link).isEqualTo(new Link(2, earlier.procedureId(), days, early));
    }

    @Test
    void the_number_follows_the_most_recent_earlier_treatment_of_an_overlapping_target() {
        EarlierTreatment first = treatment(CRYONEUROLYSIS, 400, 1, RIGHT_SUPEROMEDIAL, RIGHT_INFEROMEDIAL);
        EarlierTreatment second = treatment(CRYONEUROLYSIS, 200, 2, RIGHT_INFEROMEDIAL);

        Link link = RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL, RIGHT_INFEROMEDIAL),
                List.of(first, second));

        assertThat(link.treatmentNumber()).isEqualTo(3);
        assertThat(link.previousProcedureId()).isEqualTo(second.procedureId());
        assertThat(link.daysSincePrevious()).isEqualTo(200);
    }

    @Test
    void the_other_knee_or_another_nerve_is_not_a_repeat() {
        var otherSide = treatment(CRYONEUROLYSIS, 30, 1, new Target("SUPEROMEDIAL_GENICULAR", LEFT, null));
        var otherNerve = treatment(CRYONEUROLYSIS, 30, 1, RIGHT_INFEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(otherSide, otherNerve)))
                .isEqualTo(Link.FIRST);
    }

    @Test
    void another_spinal_level_is_another_target() {
        var t4 = treatment(CRYONEUROLYSIS, 30, 1, new Target("INTERCOSTAL", LEFT, "T4"));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(new Target("INTERCOSTAL", LEFT, "T5")), List.of(t4)))
                .isEqualTo(Link.FIRST);
        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(new Target("INTERCOSTAL", LEFT, "T4")), List.of(t4))
                .treatmentNumber()).isEqualTo(2);
    }

    @Test
    void a_bilateral_treatment_meets_a_one_sided_one_of_the_same_nerve() {
        var bilateral = treatment(CRYONEUROLYSIS, 120, 1, new Target("SUPEROMEDIAL_GENICULAR", BILATERAL, null));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(bilateral))
                .treatmentNumber()).isEqualTo(2);
    }

    @Test
    void a_diagnostic_block_or_an_ablation_before_cryoneurolysis_is_not_a_repeat_of_it() {
        var block = treatment(NERVE_BLOCK, 14, 1, RIGHT_SUPEROMEDIAL);
        var ablation = treatment(RADIOFREQUENCY_ABLATION, 200, 1, RIGHT_SUPEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(block, ablation)))
                .isEqualTo(Link.FIRST);
    }

    @Test
    void a_late_entry_links_only_to_treatments_before_it() {
        var later = treatment(CRYONEUROLYSIS, -30, 1, RIGHT_SUPEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(later)))
                .isEqualTo(Link.FIRST);
    }

    private static EarlierTreatment treatment(Modality modality, int daysBefore, int number, Target... targets) {
        return new EarlierTreatment(UUID.randomUUID(), modality, NOW.minus(daysBefore, ChronoUnit.DAYS), number,
                List.of(targets));
    }
}
