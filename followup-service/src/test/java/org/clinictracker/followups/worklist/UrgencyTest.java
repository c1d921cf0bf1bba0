package org.clinictracker.followups.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrgencyTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "SAFETY_CHECK, SCHEDULED, SAFETY_CHECK",
            "SAFETY_CHECK, DUE, SAFETY_CHECK",
            "SAFETY_CHECK, OVERDUE, SAFETY_CHECK",
            "SAFETY_CHECK, MISSED, SAFETY_CHECK",
            "SAFETY_CHECK, COMPLETED, CLOSED",
            "SAFETY_CHECK, CANCELLED, CLOSED",
            "PROTOCOL, MISSED, LATE",
            "PROTOCOL, OVERDUE, LATE",
            "PROTOCOL, DUE, DUE",
            "PROTOCOL, SCHEDULED, SCHEDULED",
            "PROTOCOL, COMPLETED, CLOSED",
            "PROTOCOL, CANCELLED, CLOSED" })
    void each_kind_and_status_has_its_urgency(String kind, VisitStatus status, Urgency urgency) {
        assertThat(Urgency.of(kind, status)).isEqualTo(urgency);
    }

    @Test
    void safety_checks_then_late_oldest_first_then_due_by_window_end_then_scheduled_by_due_day_then_closed() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        List<WorklistItem> expected = List.of(
                item("SAFETY_CHECK", VisitStatus.SCHEDULED, day.plusDays(2), day.plusDays(3)),
                item("SAFETY_CHECK", VisitStatus.MISSED, day.plusDays(5), day.plusDays(6)),
                item("PROTOCOL", VisitStatus.MISSED, day.minusDays(40), day.minusDays(30)),
                item("PROTOCOL", VisitStatus.OVERDUE, day.minusDays(3), day.plusDays(1)),
                item("PROTOCOL", VisitStatus.MISSED, day.minusDays(2), day.minusDays(1)),
                // due: the window that closes first first, whatever the due day
                item("PROTOCOL", VisitStatus.DUE, day.plusDays(10), day.plusDays(11)),
                item("PROTOCOL", VisitStatus.DUE, day.plusDays(1), day.plusDays(15)),
                item("PROTOCOL", VisitStatus.SCHEDULED, day.plusDays(20), day.plusDays(23)),
                item("PROTOCOL", VisitStatus.SCHEDULED, day.plusDays(90), day.plusDays(104)),
                item("PROTOCOL", VisitStatus.COMPLETED, day.minusDays(100), day.minusDays(90)));
        List<WorklistItem> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(shuffled.stream().sorted(Urgency.ORDER).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void equally_urgent_visits_of_one_day_go_by_id_so_pages_never_overlap() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        WorklistItem a = item("PROTOCOL", VisitStatus.SCHEDULED, day, day, new UUID(0, 1));
        WorklistItem b = item("PROTOCOL", VisitStatus.SCHEDULED, day, day, new UUID(0, 2));
        assertThat(List.of(b, a).stream().sorted(Urgency.ORDER).toList()).containsExactly(a, b);
    }

    private static WorklistItem item(String kind, VisitStatus status, LocalDate dueOn, LocalDate windowEnd) {
        return item(kind, status, dueOn, windowEnd, UUID.randomUUID());
    }

    private static WorklistItem item(String kind, VisitStatus status, LocalDate dueOn, LocalDate windowEnd, UUID id) {
        return new WorklistItem(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "MONTH_3", dueOn,
                dueOn.minusDays(1), windowEnd, windowEnd, status, null, "CT-1", "A Patient", Modality.CRYONEUROLYSIS,
                kind, 1, false, 0, null, 0, Urgency.of(kind, status), null, false);
    }
}
