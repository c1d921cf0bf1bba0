package org.clinictracker.procedures.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The nerve catalogue of domain.md ("Target nerves"): codes, names, regions and spinal levels. */
class TargetNerveTest {

    @Test
    void the_catalogue_holds_every_target_nerve_of_the_clinic_and_other() {
        assertThat(TargetNerve.values()).extracting(TargetNerve::name).containsExactlyInAnyOrder(
                "SUPEROMEDIAL_GENICULAR",
                "SUPEROLATERAL_GENICULAR",
                "INFEROMEDIAL_GENICULAR",
                "INFRAPATELLAR_BRANCH_OF_SAPHENOUS",
                "ANTERIOR_FEMORAL_CUTANEOUS",
                "LATERAL_FEMORAL_CUTANEOUS",
                "INTERCOSTAL",
                "INTERCOSTOBRACHIAL",
                "LUMBAR_MEDIAL_BRANCH",
                "L5_DORSAL_RAMUS",
                "CERVICAL_MEDIAL_BRANCH",
                "THIRD_OCCIPITAL",
                "GREATER_OCCIPITAL",
                "LESSER_OCCIPITAL",
                "SUPRAORBITAL",
                "SUPRATROCHLEAR",
                "INFRAORBITAL",
                "MENTAL",
                "SUPRASCAPULAR",
                "FEMORAL_ARTICULAR_BRANCHES_TO_HIP",
                "OBTURATOR_ARTICULAR_BRANCHES_TO_HIP",
                "SURAL",
                "SUPERFICIAL_PERONEAL",
                "SAPHENOUS",
                "SUPERFICIAL_RADIAL",
                "OTHER");
    }

    @Test
    void every_nerve_has_its_own_readable_name() {
        List<String> names = Arrays.stream(TargetNerve.values()).map(TargetNerve::displayName).toList();

        assertThat(names).allSatisfy(name -> assertThat(name).isNotBlank());
        assertThat(names).doesNotHaveDuplicates();
        assertThat(TargetNerve.INFRAPATELLAR_BRANCH_OF_SAPHENOUS.displayName())
                .isEqualTo("Infrapatellar branch of the saphenous nerve");
        assertThat(TargetNerve.INTERCOSTAL.displayName()).isEqualTo("Intercostal nerve");
    }

    @Test
    void an_intercostal_nerve_is_treated_at_one_of_the_twelve_thoracic_levels() {
        assertThat(TargetNerve.INTERCOSTAL.needsLevel()).isTrue();
        assertThat(TargetNerve.INTERCOSTAL.levels()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 12).mapToObj(level -> "T" + level).toList());
        assertThat(TargetNerve.INTERCOSTAL.levelRange()).isEqualTo("T1–T12");
    }

    @Test
    void a_lumbar_medial_branch_is_treated_at_l1_to_l5() {
        assertThat(TargetNerve.LUMBAR_MEDIAL_BRANCH.needsLevel()).isTrue();
        assertThat(TargetNerve.LUMBAR_MEDIAL_BRANCH.levels()).containsExactly("L1", "L2", "L3", "L4", "L5");
        assertThat(TargetNerve.LUMBAR_MEDIAL_BRANCH.levelRange()).isEqualTo("L1–L5");
    }

    @Test
    void a_cervical_medial_branch_is_treated_at_c2_to_c7() {
        assertThat(TargetNerve.CERVICAL_MEDIAL_BRANCH.needsLevel()).isTrue();
        assertThat(TargetNerve.CERVICAL_MEDIAL_BRANCH.levels()).containsExactly("C2", "C3", "C4", "C5", "C6", "C7");
        assertThat(TargetNerve.CERVICAL_MEDIAL_BRANCH.levelRange()).isEqualTo("C2–C7");
    }

    @Test
    void the_third_occipital_nerve_and_the_l5_dorsal_ramus_carry_their_level_in_their_name() {
        assertThat(TargetNerve.THIRD_OCCIPITAL.needsLevel()).isFalse();
        assertThat(TargetNerve.THIRD_OCCIPITAL.region()).isEqualTo(BodyRegion.CERVICAL_SPINE);
        assertThat(TargetNerve.L5_DORSAL_RAMUS.needsLevel()).isFalse();
        assertThat(TargetNerve.L5_DORSAL_RAMUS.region()).isEqualTo(BodyRegion.LUMBAR_SPINE);
    }

    @ParameterizedTest
    @EnumSource(value = TargetNerve.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"INTERCOSTAL", "LUMBAR_MEDIAL_BRANCH", "CERVICAL_MEDIAL_BRANCH"})
    void every_other_nerve_needs_no_level(TargetNerve nerve) {
        assertThat(nerve.needsLevel()).isFalse();
        assertThat(nerve.levels()).isNull();
        assertThat(nerve.levelRange()).isNull();
    }

    @Test
    void the_allowed_levels_cannot_be_changed_by_a_caller() {
        assertThatThrownBy(() -> TargetNerve.INTERCOSTAL.levels().add("T13"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_knee_nerves_are_the_genicular_nerves_the_infrapatellar_branch_and_the_anterior_femoral_cutaneous_nerve() {
        assertThat(Arrays.stream(TargetNerve.values()).filter(TargetNerve::isKnee)).containsExactlyInAnyOrder(
                TargetNerve.SUPEROMEDIAL_GENICULAR,
                TargetNerve.SUPEROLATERAL_GENICULAR,
                TargetNerve.INFEROMEDIAL_GENICULAR,
                TargetNerve.INFRAPATELLAR_BRANCH_OF_SAPHENOUS,
                TargetNerve.ANTERIOR_FEMORAL_CUTANEOUS);
    }

    @Test
    void the_saphenous_nerve_itself_and_the_lateral_femoral_cutaneous_nerve_are_not_knee_nerves() {
        assertThat(TargetNerve.SAPHENOUS.isKnee()).isFalse();
        assertThat(TargetNerve.LATERAL_FEMORAL_CUTANEOUS.isKnee()).isFalse();
    }

    @Test
    void each_nerve_sits_in_the_body_region_it_is_treated_in() {
        assertThat(TargetNerve.INTERCOSTAL.region()).isEqualTo(BodyRegion.CHEST_WALL);
        assertThat(TargetNerve.INTERCOSTOBRACHIAL.region()).isEqualTo(BodyRegion.CHEST_WALL);
        assertThat(TargetNerve.LUMBAR_MEDIAL_BRANCH.region()).isEqualTo(BodyRegion.LUMBAR_SPINE);
        assertThat(TargetNerve.CERVICAL_MEDIAL_BRANCH.region()).isEqualTo(BodyRegion.CERVICAL_SPINE);
        assertThat(TargetNerve.SUPRASCAPULAR.region()).isEqualTo(BodyRegion.SHOULDER);
        assertThat(TargetNerve.LATERAL_FEMORAL_CUTANEOUS.region()).isEqualTo(BodyRegion.THIGH);
        assertThat(TargetNerve.SUPERFICIAL_RADIAL.region()).isEqualTo(BodyRegion.FOREARM_AND_HAND);
        assertThat(TargetNerve.OTHER.region()).isEqualTo(BodyRegion.OTHER);
        assertThat(List.of(TargetNerve.FEMORAL_ARTICULAR_BRANCHES_TO_HIP, TargetNerve.OBTURATOR_ARTICULAR_BRANCHES_TO_HIP))
                .extracting(TargetNerve::region).containsOnly(BodyRegion.HIP);
        assertThat(List.of(TargetNerve.GREATER_OCCIPITAL, TargetNerve.LESSER_OCCIPITAL, TargetNerve.SUPRAORBITAL,
                TargetNerve.SUPRATROCHLEAR, TargetNerve.INFRAORBITAL, TargetNerve.MENTAL))
                .extracting(TargetNerve::region).containsOnly(BodyRegion.HEAD_AND_FACE);
        assertThat(List.of(TargetNerve.SURAL, TargetNerve.SUPERFICIAL_PERONEAL, TargetNerve.SAPHENOUS))
                .extracting(TargetNerve::region).containsOnly(BodyRegion.LOWER_LEG_AND_FOOT);
    }

    @ParameterizedTest
    @EnumSource(TargetNerve.class)
    void every_nerve_is_found_by_its_code(TargetNerve nerve) {
        assertThat(TargetNerve.byCode(nerve.name())).contains(nerve);
        assertThat(nerve.region()).isNotNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"intercostal", "Intercostal", " INTERCOSTAL", "INTERCOSTAL ", "GENICULAR", "FEMORAL", "T4"})
    void a_code_that_is_not_exactly_in_the_catalogue_finds_nothing(String code) {
        assertThat(TargetNerve.byCode(code)).isEmpty();
    }
}
