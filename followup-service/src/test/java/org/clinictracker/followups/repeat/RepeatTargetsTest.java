package org.clinictracker.followups.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinictracker.events.procedures.TreatedTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatTargetsTest {

    private static List<TreatedTarget> one(String nerve, String laterality, String level) {
        return List.of(new TreatedTarget(nerve, laterality, level));
    }

    @ParameterizedTest(name = "{0} {1} {2} then {3} {4} {5} -> {6}")
    @CsvSource(nullValues = "-", value = {
            "SUPEROMEDIAL_GENICULAR, RIGHT, -, SUPEROMEDIAL_GENICULAR, RIGHT, -, true",
            "SUPEROMEDIAL_GENICULAR, RIGHT, -, SUPEROMEDIAL_GENICULAR, LEFT, -, false",
            "SUPEROMEDIAL_GENICULAR, RIGHT, -, SUPEROLATERAL_GENICULAR, RIGHT, -, false",
            "SUPEROMEDIAL_GENICULAR, RIGHT, -, SUPEROMEDIAL_GENICULAR, BILATERAL, -, true",
            "SUPEROMEDIAL_GENICULAR, LEFT, -, SUPEROMEDIAL_GENICULAR, BILATERAL, -, true",
            // one side alone leaves the other side of a bilateral treatment waiting
            "SUPEROMEDIAL_GENICULAR, BILATERAL, -, SUPEROMEDIAL_GENICULAR, RIGHT, -, false",
            "SUPEROMEDIAL_GENICULAR, BILATERAL, -, SUPEROMEDIAL_GENICULAR, BILATERAL, -, true",
            "INTERCOSTAL, LEFT, T4, INTERCOSTAL, LEFT, T4, true",
            "INTERCOSTAL, LEFT, T4, INTERCOSTAL, LEFT, T5, false",
            "INTERCOSTAL, LEFT, T4, INTERCOSTAL, LEFT, -, false",
            "LUMBAR_MEDIAL_BRANCH, MIDLINE, L4, LUMBAR_MEDIAL_BRANCH, MIDLINE, L4, true",
            "LUMBAR_MEDIAL_BRANCH, MIDLINE, L4, LUMBAR_MEDIAL_BRANCH, BILATERAL, L4, false" })
    void a_later_procedure_repeats_the_same_nerve_level_and_side(String nerve, String side, String level,
            String laterNerve, String laterSide, String laterLevel, boolean repeats) {
        assertThat(RepeatTargets.repeats(one(nerve, side, level), one(laterNerve, laterSide, laterLevel)))
                .isEqualTo(repeats);
    }

    @Test
    void one_shared_target_of_several_is_a_repeat() {
        List<TreatedTarget> knee = List.of(new TreatedTarget("SUPEROMEDIAL_GENICULAR", "RIGHT", null),
                new TreatedTarget("SUPEROLATERAL_GENICULAR", "RIGHT", null),
                new TreatedTarget("INFEROMEDIAL_GENICULAR", "RIGHT", null));
        assertThat(RepeatTargets.repeats(knee, one("INFEROMEDIAL_GENICULAR", "RIGHT", null))).isTrue();
        assertThat(RepeatTargets.repeats(knee, List.of(new TreatedTarget("SAPHENOUS", "RIGHT", null),
                new TreatedTarget("SUPEROLATERAL_GENICULAR", "RIGHT", null)))).isTrue();
    }

    @Test
    void without_targets_on_either_side_nothing_is_repeated() {
        assertThat(RepeatTargets.repeats(List.of(), one("SUPEROMEDIAL_GENICULAR", "RIGHT", null))).isFalse();
        assertThat(RepeatTargets.repeats(one("SUPEROMEDIAL_GENICULAR", "RIGHT", null), List.of())).isFalse();
    }
}
