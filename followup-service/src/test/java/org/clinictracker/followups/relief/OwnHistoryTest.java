package org.clinictracker.followups.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;

class OwnHistoryTest {

    private static final LocalDate TODAY_PLAN = LocalDate.of(2026, 6, 1);
    private static final TreatedTarget LEFT_GENICULAR = new TreatedTarget("SUPEROMEDIAL_GENICULAR", "LEFT", null);
    private static final TreatedTarget RIGHT_GENICULAR = new TreatedTarget("SUPEROMEDIAL_GENICULAR", "RIGHT", null);
    private static final TreatedTarget BOTH_GENICULAR = new TreatedTarget("SUPEROMEDIAL_GENICULAR", "BILATERAL", null);

    private static TreatedPlan plan(Modality modality, LocalDate performedOn, LocalDate reliefEndedOn, UUID previous,
            TreatedTarget... targets) {
        return new TreatedPlan(UUID.randomUUID(), UUID.randomUUID(), previous, modality, performedOn, List.of(targets),
                reliefEndedOn == null ? null : performedOn, reliefEndedOn);
    }

    private static TreatedPlan current(UUID previous, TreatedTarget... targets) {
        return plan(Modality.CRYONEUROLYSIS, TODAY_PLAN, null, previous, targets);
    }

    private static TreatedPlan ended(Modality modality, int daysOfRelief, TreatedTarget... targets) {
        LocalDate performed = TODAY_PLAN.minusDays(400);
        return plan(modality, performed, performed.plusDays(daysOfRelief), null, targets);
    }

    @Test
    void an_earlier_plan_of_the_same_modality_on_the_same_nerve_and_side_counts_with_its_days_of_relief() {
        TreatedPlan earlier = ended(Modality.CRYONEUROLYSIS, 190, LEFT_GENICULAR);
        TreatedPlan now = current(null, LEFT_GENICULAR);
        assertThat(OwnHistory.reliefDays(now, List.of(earlier, now))).containsExactly(190);
    }

    @Test
    void the_other_knee_is_another_target() {
        assertThat(OwnHistory.reliefDays(current(null, LEFT_GENICULAR),
                List.of(ended(Modality.CRYONEUROLYSIS, 190, RIGHT_GENICULAR)))).isEmpty();
    }

    @Test
    void bilateral_covers_either_side_both_ways() {
        assertThat(OwnHistory.reliefDays(current(null, LEFT_GENICULAR),
                List.of(ended(Modality.CRYONEUROLYSIS, 120, BOTH_GENICULAR)))).containsExactly(120);
        assertThat(OwnHistory.reliefDays(current(null, BOTH_GENICULAR),
                List.of(ended(Modality.CRYONEUROLYSIS, 130, RIGHT_GENICULAR)))).containsExactly(130);
    }

    @Test
    void spinal_levels_must_match_and_a_missing_level_matches_a_missing_level() {
        TreatedTarget t4 = new TreatedTarget("INTERCOSTAL", "LEFT", "T4");
        TreatedTarget t5 = new TreatedTarget("INTERCOSTAL", "LEFT", "T5");
        assertThat(OwnHistory.reliefDays(current(null, t4), List.of(ended(Modality.CRYONEUROLYSIS, 100, t5)))).isEmpty();
        assertThat(OwnHistory.reliefDays(current(null, t4, LEFT_GENICULAR),
                List.of(ended(Modality.CRYONEUROLYSIS, 100, t5, LEFT_GENICULAR)))).containsExactly(100);
    }

    @Test
    void another_modality_on_the_same_target_does_not_count_unless_it_is_in_the_chain() {
        TreatedPlan rfa = ended(Modality.RADIOFREQUENCY_ABLATION, 150, LEFT_GENICULAR);
        assertThat(OwnHistory.reliefDays(current(null, LEFT_GENICULAR), List.of(rfa))).isEmpty();
        assertThat(OwnHistory.reliefDays(current(rfa.procedureId(), LEFT_GENICULAR), List.of(rfa))).containsExactly(150);
    }

    @Test
    void the_whole_treatment_chain_counts_even_when_its_targets_were_amended_since() {
        TreatedTarget elsewhere = new TreatedTarget("SAPHENOUS", "LEFT", null);
        LocalDate first = TODAY_PLAN.minusDays(700);
        TreatedPlan one = plan(Modality.CRYONEUROLYSIS, first, first.plusDays(200), null, elsewhere);
        LocalDate second = TODAY_PLAN.minusDays(350);
        TreatedPlan two = plan(Modality.CRYONEUROLYSIS, second, second.plusDays(240), one.procedureId(), elsewhere);
        TreatedPlan three = current(two.procedureId(), LEFT_GENICULAR);
        assertThat(OwnHistory.reliefDays(three, List.of(three, two, one))).containsExactlyInAnyOrder(200, 240);
    }

    @Test
    void a_plan_whose_relief_has_not_ended_tells_no_duration() {
        TreatedPlan stillGoing = plan(Modality.CRYONEUROLYSIS, TODAY_PLAN.minusDays(100), null, null, LEFT_GENICULAR);
        assertThat(OwnHistory.reliefDays(current(stillGoing.procedureId(), LEFT_GENICULAR), List.of(stillGoing))).isEmpty();
    }

    @Test
    void a_plan_ended_by_a_repeat_without_ever_bringing_relief_tells_no_duration() {
        LocalDate performed = TODAY_PLAN.minusDays(200);
        TreatedPlan neverResponded = new TreatedPlan(UUID.randomUUID(), UUID.randomUUID(), null, Modality.CRYONEUROLYSIS,
                performed, List.of(LEFT_GENICULAR), null, performed.plusDays(120));
        assertThat(OwnHistory.reliefDays(current(neverResponded.procedureId(), LEFT_GENICULAR), List.of(neverResponded)))
                .isEmpty();
    }

    @Test
    void only_plans_performed_before_this_one_count() {
        TreatedPlan sameDay = plan(Modality.CRYONEUROLYSIS, TODAY_PLAN, TODAY_PLAN.plusDays(10), null, LEFT_GENICULAR);
        TreatedPlan later = plan(Modality.CRYONEUROLYSIS, TODAY_PLAN.plusDays(5), TODAY_PLAN.plusDays(50), null,
                LEFT_GENICULAR);
        TreatedPlan dayBefore = plan(Modality.CRYONEUROLYSIS, TODAY_PLAN.minusDays(1), TODAY_PLAN.plusDays(2), null,
                LEFT_GENICULAR);
        assertThat(OwnHistory.reliefDays(current(null, LEFT_GENICULAR), List.of(sameDay, later, dayBefore)))
                .containsExactly(3);
    }

    @Test
    void the_plan_itself_never_counts_even_with_its_relief_ended() {
        TreatedPlan self = plan(Modality.CRYONEUROLYSIS, TODAY_PLAN.minusDays(300), TODAY_PLAN.minusDays(100), null,
                LEFT_GENICULAR);
        assertThat(OwnHistory.reliefDays(self, List.of(self))).isEmpty();
    }

    @Test
    void a_circular_or_broken_chain_ends_without_looping() {
        UUID missing = UUID.randomUUID();
        LocalDate performed = TODAY_PLAN.minusDays(300);
        UUID aProcedure = UUID.randomUUID();
        UUID bProcedure = UUID.randomUUID();
        TreatedPlan a = new TreatedPlan(UUID.randomUUID(), aProcedure, bProcedure, Modality.NERVE_BLOCK, performed,
                List.of(), performed, performed.plusDays(10));
        TreatedPlan b = new TreatedPlan(UUID.randomUUID(), bProcedure, aProcedure, Modality.NERVE_BLOCK, performed,
                List.of(), performed, performed.plusDays(20));
        assertThat(OwnHistory.reliefDays(current(a.procedureId(), LEFT_GENICULAR), List.of(a, b)))
                .containsExactlyInAnyOrder(10, 20);
        assertThat(OwnHistory.reliefDays(current(missing, LEFT_GENICULAR), List.of(a, b))).isEmpty();
    }
}
