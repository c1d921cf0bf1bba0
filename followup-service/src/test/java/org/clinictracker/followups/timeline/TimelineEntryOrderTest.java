package org.clinictracker.followups.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.timeline.TimelineEntry.Ids;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TimelineEntryOrderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static TimelineEntry onDay(LocalDate day, TimelineKind kind, String name) {
        return TimelineEntry.onDay(day, kind, new Ids(null, null, id(name), null, null), name);
    }

    private static TimelineEntry at(String instant, TimelineKind kind, String name) {
        Instant at = Instant.parse(instant);
        return TimelineEntry.atInstant(at, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), kind,
                new Ids(id(name), null, null, null, null), name);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private static List<Object> sorted(List<TimelineEntry> entries) {
        List<TimelineEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled);
        shuffled.sort(TimelineEntry.IN_TIME_ORDER);
        return shuffled.stream().map(TimelineEntry::detail).toList();
    }

    @RepeatedTest(5)
    void days_come_first_then_the_kind_so_a_procedure_precedes_its_plan_and_a_visit_its_outcome() {
        assertThat(sorted(List.of(
                onDay(DAY.plusDays(2), TimelineKind.OUTCOME, "day-2 outcome"),
                onDay(DAY, TimelineKind.PLAN, "plan"),
                onDay(DAY.plusDays(2), TimelineKind.VISIT, "day-2 visit"),
                at("2026-03-01T18:00:00Z", TimelineKind.PROCEDURE, "procedure"),
                onDay(DAY.plusDays(1), TimelineKind.ADVERSE_EVENT, "bruise"),
                at("2026-03-03T23:59:59Z", TimelineKind.REPEAT_CANDIDATE, "candidate"))))
                .containsExactly("procedure", "plan", "bruise", "day-2 visit", "day-2 outcome", "candidate");
    }

    @RepeatedTest(5)
    void entries_of_one_kind_on_one_day_follow_their_instants() {
        assertThat(sorted(List.of(
                at("2026-03-01T15:00:00Z", TimelineKind.PROCEDURE, "afternoon"),
                at("2026-03-01T08:00:00Z", TimelineKind.PROCEDURE, "morning"),
                at("2026-03-01T11:00:00Z", TimelineKind.PROCEDURE, "noon"))))
                .containsExactly("morning", "noon", "afternoon");
    }

    @Test
    void two_entries_alike_in_all_but_id_keep_one_order_whatever_they_arrive_in() {
        List<TimelineEntry> twins = List.of(onDay(DAY, TimelineKind.VISIT, "a"), onDay(DAY, TimelineKind.VISIT, "b"));
        List<Object> once = sorted(twins);
        for (int i = 0; i < 5; i++) {
            assertThat(sorted(twins)).isEqualTo(once);
        }
    }

    @Test
    void a_date_entry_says_its_date_and_an_instant_entry_its_instant() {
        assertThat(onDay(DAY, TimelineKind.VISIT, "v").at()).isEqualTo("2026-03-01");
        assertThat(at("2026-03-01T09:30:00Z", TimelineKind.PROCEDURE, "p").at()).isEqualTo("2026-03-01T09:30:00Z");
    }
}
