package org.clinictracker.followups.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.plan.ScheduleRevision.Add;
import org.clinictracker.followups.plan.ScheduleRevision.Cancel;
import org.clinictracker.followups.plan.ScheduleRevision.Change;
import org.clinictracker.followups.plan.ScheduleRevision.Move;
import org.clinictracker.followups.protocol.Protocol;
import org.clinictracker.followups.protocol.ProtocolVisit;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;

/** How an amended procedure's day or modality reaches its plan's visits, without a database. */
class ScheduleRevisionTest {

    private static final FollowUpPlanner PLANNER = new FollowUpPlanner(14);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final Protocol CRYO = new Protocol(Modality.CRYONEUROLYSIS, 1, List.of(
            new ProtocolVisit("DAY_2", 2, 1, 1), new ProtocolVisit("WEEK_2", 14, 3, 3),
            new ProtocolVisit("MONTH_3", 90, 14, 14)), "system", Instant.EPOCH);
    private static final Protocol BLOCK = new Protocol(Modality.NERVE_BLOCK, 1, List.of(
            new ProtocolVisit("DAY_1", 1, 0, 1), new ProtocolVisit("WEEK_2", 14, 3, 3)), "system", Instant.EPOCH);

    @Test
    void a_corrected_day_moves_the_open_visits_with_their_windows() {
        LocalDate was = TODAY.minusDays(1);
        List<PlanVisit> visits = planned(CRYO, was);

        List<Change> changes = revise(visits, CRYO, was.minusDays(3), false);

        assertThat(changes).hasSize(3).allSatisfy(change -> assertThat(change).isInstanceOf(Move.class));
        Move month3 = (Move) changes.get(2);
        assertThat(month3.visitId()).isEqualTo(visits.get(2).id());
        assertThat(month3.to().dueOn()).isEqualTo(was.minusDays(3).plusDays(90));
        assertThat(month3.to().windowStart()).isEqualTo(month3.to().dueOn().minusDays(14));
        assertThat(month3.to().windowEnd()).isEqualTo(month3.to().dueOn().plusDays(14));
        assertThat(month3.to().lastDay()).isEqualTo(month3.to().windowEnd());
    }

    @Test
    void a_visit_moved_into_the_past_keeps_the_late_entry_grace_instead_of_being_missed_at_once() {
        LocalDate was = TODAY.minusDays(1);
        LocalDate corrected = TODAY.minusDays(30);

        List<Change> changes = revise(planned(CRYO, was), CRYO, corrected, false);

        Move day2 = (Move) changes.get(0);
        assertThat(day2.to().windowEnd()).isBefore(TODAY);
        assertThat(day2.to().lastDay()).isEqualTo(TODAY.plusDays(14));
    }

    @Test
    void completed_missed_and_rescheduled_visits_keep_their_days() {
        LocalDate was = TODAY.minusDays(20);
        List<PlanVisit> visits = List.of(
                with(planned(CRYO, was).get(0), "COMPLETED", 0),
                with(planned(CRYO, was).get(1), "MISSED", 0),
                with(planned(CRYO, was).get(2), "OPEN", 1));

        assertThat(revise(visits, CRYO, was.plusDays(5), false)).isEmpty();
    }

    @Test
    void the_same_day_changes_nothing() {
        LocalDate was = TODAY.minusDays(1);
        assertThat(revise(planned(CRYO, was), CRYO, was, false)).isEmpty();
    }

    @Test
    void a_corrected_modality_cancels_what_its_protocol_lacks_moves_what_both_have_and_adds_the_rest() {
        LocalDate performedOn = TODAY.minusDays(1);
        List<PlanVisit> visits = planned(BLOCK, performedOn);
        List<PlanVisit> completedDay1 = List.of(with(visits.get(0), "COMPLETED", 0), visits.get(1));

        List<Change> changes = revise(completedDay1, CRYO, performedOn, false);

        // WEEK_2 has the same offset and window in both: nothing to move
        assertThat(changes).extracting(change -> change instanceof Add add ? add.visit().label() : change.getClass())
                .containsExactlyInAnyOrder("DAY_2", "MONTH_3");

        List<Change> back = revise(planned(CRYO, performedOn), BLOCK, performedOn, false);
        assertThat(back).filteredOn(Cancel.class::isInstance).hasSize(2);
        assertThat(back).filteredOn(Add.class::isInstance).extracting(change -> ((Add) change).visit().label())
                .containsExactly("DAY_1");
    }

    @Test
    void a_visit_an_earlier_correction_cancelled_opens_again_unless_a_repeat_took_over() {
        LocalDate performedOn = TODAY.minusDays(1);
        List<PlanVisit> visits = List.of(with(planned(CRYO, performedOn).get(0), "CANCELLED", 0));
        Protocol day2Only = new Protocol(Modality.CRYONEUROLYSIS, 1, List.of(CRYO.visits().get(0)), "system", Instant.EPOCH);

        assertThat(revise(visits, day2Only, performedOn, false)).singleElement().isInstanceOf(Move.class);
        assertThat(revise(visits, day2Only, performedOn, true)).isEmpty();
        assertThat(revise(List.of(), day2Only, performedOn, true)).as("a superseded plan gets no new visit").isEmpty();
    }

    @Test
    void an_open_safety_check_never_falls_before_the_day_after_the_procedure() {
        LocalDate performedOn = TODAY.minusDays(10);
        ScheduledVisit check = SafetyCheckSchedule.schedule(PLANNER, "SAFETY_CHECK_1", performedOn.plusDays(3), TODAY);
        PlanVisit safety = new PlanVisit(UUID.randomUUID(), "SAFETY_CHECK_1", "SAFETY_CHECK", "OPEN", null,
                check.dueOn(), check.windowStart(), check.windowEnd(), check.lastDay(), 0);

        assertThat(revise(List.of(safety), new Protocol(Modality.CRYONEUROLYSIS, 1, List.of(), "system", Instant.EPOCH),
                performedOn.plusDays(2), false)).as("still after the corrected day").isEmpty();

        List<Change> later = revise(List.of(safety), new Protocol(Modality.CRYONEUROLYSIS, 1, List.of(), "system",
                Instant.EPOCH), performedOn.plusDays(5), false);
        assertThat(later).singleElement().isInstanceOfSatisfying(Move.class, move -> {
            assertThat(move.to().dueOn()).isEqualTo(performedOn.plusDays(6));
            assertThat(move.to().windowStart()).isEqualTo(move.to().dueOn());
            assertThat(move.to().windowEnd()).isEqualTo(move.to().dueOn().plusDays(2));
        });
    }

    private static List<Change> revise(List<PlanVisit> visits, Protocol protocol, LocalDate performedOn,
            boolean superseded) {
        return ScheduleRevision.changes(visits, PLANNER.visits(protocol, performedOn, TODAY), performedOn, superseded,
                PLANNER, TODAY);
    }

    private static List<PlanVisit> planned(Protocol protocol, LocalDate performedOn) {
        return PLANNER.visits(protocol, performedOn, TODAY).stream()
                .map(v -> new PlanVisit(UUID.randomUUID(), v.label(), "PROTOCOL", "OPEN", v.offsetDays(), v.dueOn(),
                        v.windowStart(), v.windowEnd(), v.lastDay(), 0))
                .toList();
    }

    private static PlanVisit with(PlanVisit v, String state, int rescheduledCount) {
        return new PlanVisit(v.id(), v.label(), v.kind(), state, v.offsetDays(), v.dueOn(), v.windowStart(),
                v.windowEnd(), v.lastDay(), rescheduledCount);
    }
}
