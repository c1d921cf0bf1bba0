package org.clinictracker.procedures.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.vocabulary.Laterality.BILATERAL;
import static org.clinictracker.vocabulary.Laterality.LEFT;
import static org.clinictracker.vocabulary.Laterality.MIDLINE;
import static org.clinictracker.vocabulary.Laterality.RIGHT;
import static org.clinictracker.vocabulary.Modality.CRYONEUROLYSIS;
import static org.clinictracker.vocabulary.Modality.NERVE_BLOCK;
import static org.clinictracker.vocabulary.Modality.RADIOFREQUENCY_ABLATION;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.procedures.repeat.RepeatLinkage.EarlierTreatment;
import org.clinictracker.procedures.repeat.RepeatLinkage.Link;
import org.clinictracker.procedures.repeat.RepeatLinkage.Target;
import org.clinictracker.procedures.repeat.RepeatLinkage.Treatment;
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
    void a_diagnostic_block_or_an_ablation_before_cryoneurolysis_is_not_numbered_as_a_repeat_of_it() {
        var block = treatment(NERVE_BLOCK, 140, 1, RIGHT_SUPEROMEDIAL);
        var ablation = treatment(RADIOFREQUENCY_ABLATION, 200, 1, RIGHT_SUPEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(block, ablation)))
                .isEqualTo(Link.FIRST);
    }

    @ParameterizedTest(name = "{0} {1} days before: early = {2}")
    @CsvSource({
            "NERVE_BLOCK, 14, true", "NERVE_BLOCK, 0, true", "NERVE_BLOCK, 89, true", "NERVE_BLOCK, 90, false",
            "RADIOFREQUENCY_ABLATION, 60, true", "RADIOFREQUENCY_ABLATION, 89, true",
            "RADIOFREQUENCY_ABLATION, 90, false", "RADIOFREQUENCY_ABLATION, 400, false" })
    void a_treatment_of_the_same_nerve_with_another_modality_makes_it_early_but_keeps_its_number(Modality other,
            int daysBefore, boolean early) {
        var earlier = treatment(other, daysBefore, 1, RIGHT_SUPEROMEDIAL);
        Instant performedAt = daysBefore == 0 ? NOW.plus(1, ChronoUnit.HOURS) : NOW;

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, performedAt, List.of(RIGHT_SUPEROMEDIAL), List.of(earlier)))
                .isEqualTo(new Link(1, null, null, early));
    }

    @Test
    void another_modality_on_another_side_level_or_nerve_does_not_make_it_early() {
        var otherSide = treatment(RADIOFREQUENCY_ABLATION, 10, 1, new Target("SUPEROMEDIAL_GENICULAR", LEFT, null));
        var otherNerve = treatment(NERVE_BLOCK, 10, 1, RIGHT_INFEROMEDIAL);
        var otherLevel = treatment(NERVE_BLOCK, 10, 1, new Target("INTERCOSTAL", LEFT, "T4"));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW,
                List.of(RIGHT_SUPEROMEDIAL, new Target("INTERCOSTAL", LEFT, "T5")),
                List.of(otherSide, otherNerve, otherLevel))).isEqualTo(Link.FIRST);
    }

    @Test
    void an_early_treatment_with_another_modality_flags_a_repeat_numbered_from_an_older_one_of_its_own() {
        var firstCryo = treatment(CRYONEUROLYSIS, 300, 1, RIGHT_SUPEROMEDIAL);
        var ablation = treatment(RADIOFREQUENCY_ABLATION, 30, 1, RIGHT_SUPEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(firstCryo, ablation)))
                .isEqualTo(new Link(2, firstCryo.procedureId(), 300, true));
    }

    @Test
    void a_bilateral_treatment_with_another_modality_makes_a_one_sided_one_early_and_the_other_way_round() {
        var bilateralBlock = treatment(NERVE_BLOCK, 20, 1, new Target("SUPEROMEDIAL_GENICULAR", BILATERAL, null));
        var leftBlock = treatment(NERVE_BLOCK, 20, 1, new Target("SUPEROMEDIAL_GENICULAR", LEFT, null));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(bilateralBlock))
                .earlyRepeat()).isTrue();
        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW,
                List.of(new Target("SUPEROMEDIAL_GENICULAR", BILATERAL, null)), List.of(leftBlock)).earlyRepeat())
                .isTrue();
    }

    @Test
    void a_midline_target_is_neither_side_and_meets_only_another_midline_one() {
        var midline = treatment(CRYONEUROLYSIS, 30, 1, new Target("GREATER_OCCIPITAL", MIDLINE, null));
        var bilateral = treatment(CRYONEUROLYSIS, 30, 1, new Target("GREATER_OCCIPITAL", BILATERAL, null));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(new Target("GREATER_OCCIPITAL", LEFT, null)),
                List.of(midline))).isEqualTo(Link.FIRST);
        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(new Target("GREATER_OCCIPITAL", MIDLINE, null)),
                List.of(bilateral))).isEqualTo(Link.FIRST);
        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(new Target("GREATER_OCCIPITAL", MIDLINE, null)),
                List.of(midline))).isEqualTo(new Link(2, midline.procedureId(), 30, true));
    }

    @Test
    void the_same_day_counts_as_zero_days_and_is_early() {
        var morning = treatment(CRYONEUROLYSIS, 0, 1, RIGHT_SUPEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW.plus(5, ChronoUnit.HOURS), List.of(RIGHT_SUPEROMEDIAL),
                List.of(morning))).isEqualTo(new Link(2, morning.procedureId(), 0, true));
    }

    @Test
    void a_procedure_at_the_very_same_moment_is_not_before_it() {
        var simultaneous = treatment(NERVE_BLOCK, 0, 1, RIGHT_SUPEROMEDIAL);

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(simultaneous)))
                .isEqualTo(Link.FIRST);
    }

    @Test
    void ninety_days_less_a_minute_is_still_early() {
        var earlier = new EarlierTreatment(UUID.randomUUID(), CRYONEUROLYSIS,
                NOW.minus(90, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES), 1, List.of(RIGHT_SUPEROMEDIAL));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL), List.of(earlier)))
                .isEqualTo(new Link(2, earlier.procedureId(), 89, true));
    }

    @Test
    void a_nerve_without_a_level_and_the_same_nerve_with_one_are_different_targets() {
        var withLevel = treatment(CRYONEUROLYSIS, 30, 1, new Target("LUMBAR_MEDIAL_BRANCH", LEFT, "L4"));

        assertThat(RepeatLinkage.link(CRYONEUROLYSIS, NOW, List.of(new Target("LUMBAR_MEDIAL_BRANCH", LEFT, null)),
                List.of(withLevel))).isEqualTo(Link.FIRST);
    }

    @Test
    void the_chain_numbers_a_patients_procedures_in_date_order_whatever_order_they_were_entered() {
        var third = new Treatment(UUID.randomUUID(), CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL));
        var first = new Treatment(UUID.randomUUID(), CRYONEUROLYSIS, NOW.minus(400, ChronoUnit.DAYS),
                List.of(RIGHT_SUPEROMEDIAL));
        var lateEntry = new Treatment(UUID.randomUUID(), CRYONEUROLYSIS, NOW.minus(60, ChronoUnit.DAYS),
                List.of(RIGHT_SUPEROMEDIAL));
        var blockBefore = new Treatment(UUID.randomUUID(), NERVE_BLOCK, NOW.minus(410, ChronoUnit.DAYS),
                List.of(RIGHT_SUPEROMEDIAL));
        var otherKnee = new Treatment(UUID.randomUUID(), CRYONEUROLYSIS, NOW.minus(10, ChronoUnit.DAYS),
                List.of(new Target("SUPEROMEDIAL_GENICULAR", LEFT, null)));

        Map<UUID, Link> chain = RepeatLinkage.chain(List.of(third, first, lateEntry, blockBefore, otherKnee));

        assertThat(chain).containsExactlyInAnyOrderEntriesOf(Map.of(
                blockBefore.procedureId(), Link.FIRST,
                first.procedureId(), new Link(1, null, null, true),
                lateEntry.procedureId(), new Link(2, first.procedureId(), 340, false),
                third.procedureId(), new Link(3, lateEntry.procedureId(), 60, true),
                otherKnee.procedureId(), Link.FIRST));
    }

    @Test
    void two_procedures_at_the_same_moment_do_not_link_to_each_other() {
        var one = new Treatment(UUID.randomUUID(), CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL));
        var other = new Treatment(UUID.randomUUID(), CRYONEUROLYSIS, NOW, List.of(RIGHT_SUPEROMEDIAL));

        assertThat(RepeatLinkage.chain(List.of(one, other)).values()).containsOnly(Link.FIRST);
    }

    @Test
    void targets_are_shared_when_a_nerve_side_and_level_meet() {
        assertThat(RepeatLinkage.shareATarget(List.of(RIGHT_SUPEROMEDIAL),
                List.of(new Target("SUPEROMEDIAL_GENICULAR", BILATERAL, null)))).isTrue();
        assertThat(RepeatLinkage.shareATarget(List.of(RIGHT_SUPEROMEDIAL), List.of(RIGHT_INFEROMEDIAL))).isFalse();
        assertThat(RepeatLinkage.shareATarget(List.of(new Target("INTERCOSTAL", LEFT, "T4")),
                List.of(new Target("INTERCOSTAL", LEFT, "T5")))).isFalse();
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
