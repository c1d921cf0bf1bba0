package org.clinictracker.followups.relief;

import java.time.LocalDate;
import java.util.List;

import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coordinators' list of responders whose relief is expected to end within the next days. */
@Service
class ReliefEndingList {

    private final ReliefRepository relief;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;

    ReliefEndingList(ReliefRepository relief, ClinicCalendar calendar, AuditTrail audit) {
        this.relief = relief;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Likely ends from today to today + {@code withinDays} (the clinic's days), soonest first; each patient shown is audited. */
    @Transactional
    PageOf<ReliefEnding> within(int withinDays, PageRequest page) {
        LocalDate today = calendar.today();
        LocalDate until = today.plusDays(withinDays);
        List<ReliefEnding> content = relief.endingBetween(today, until, page.offset(), page.size());
        long total = content.isEmpty() && page.page() == 0 ? 0 : relief.countEndingBetween(today, until);
        audit.recordAll(content.stream().map(ReliefEnding::patientId).distinct().toList(), "RELIEF_ENDING_LISTED",
                "relief-ending list");
        return PageOf.of(content, page, total);
    }
}
