package org.clinictracker.followups.missed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.followups.FollowUpMissed;
import org.clinictracker.followups.missed.FollowUpStandings.MissedVisit;
import org.clinictracker.followups.missed.LostToFollowUp.Standing;
import org.clinictracker.followups.patient.KnownPatients;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The missed-visit job: an open visit whose last day (its window's end, or a late entry's grace) has passed
 * without an outcome becomes missed on the clinic's today, counts against the patient's misses in a row, and is
 * announced as {@link FollowUpMissed}. Runs every {@code clinic.followups.missed.interval}; batches of
 * {@code batch-size} visits, each in its own transaction, taken with FOR UPDATE SKIP LOCKED, so two instances
 * running it at once split the work and never mark (or announce) a visit twice. Patients are locked in id order,
 * so two batches touching one patient wait for each other instead of deadlocking. Each miss, and a patient
 * becoming lost to follow-up, is in the audit trail under the actor {@code system}.
 */
@Component
public class MissedVisits {

    private static final Logger log = LoggerFactory.getLogger(MissedVisits.class);

    private final FollowUpStandings standings;
    private final TransactionTemplate transaction;
    private final ClinicCalendar calendar;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final KnownPatients knownPatients;
    private final LostToFollowUp lostToFollowUp;
    private final int batchSize;

    MissedVisits(FollowUpStandings standings, TransactionTemplate transaction, ClinicCalendar calendar, EventOutbox outbox,
            AuditTrail audit, KnownPatients knownPatients,
            @Value("${clinic.followups.lost-after-misses:2}") int lostAfterMisses,
            @Value("${clinic.followups.missed.batch-size:500}") int batchSize) {
        this.standings = standings;
        this.transaction = transaction;
        this.calendar = calendar;
        this.outbox = outbox;
        this.audit = audit;
        this.knownPatients = knownPatients;
        this.lostToFollowUp = new LostToFollowUp(lostAfterMisses);
        if (batchSize < 1) {
            throw new IllegalArgumentException("clinic.followups.missed.batch-size must be at least 1");
        }
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${clinic.followups.missed.interval:15m}",
            initialDelayString = "${clinic.followups.missed.initial-delay:1m}")
    void onSchedule() {
        int missed = markMissed();
        if (missed > 0) {
            log.info("Marked {} follow-up visits missed", missed);
        }
    }

    /** Marks every visit missed as of the clinic's today; the number marked by this run. */
    public int markMissed() {
        LocalDate today = calendar.today();
        int total = 0;
        int marked;
        do {
            marked = transaction.execute(status -> markBatch(today));
            total += marked;
        } while (marked == batchSize);
        return total;
    }

    /** On its last day a visit is still on time; it is missed from the day after. */
    private int markBatch(LocalDate today) {
        List<MissedVisit> visits = standings.lockPastLastDay(today, batchSize);
        if (visits.isEmpty()) {
            return 0;
        }
        standings.markMissed(visits, today);
        Map<UUID, List<MissedVisit>> byPatient = new TreeMap<>();
        visits.forEach(visit -> byPatient.computeIfAbsent(visit.patientId(), id -> new ArrayList<>()).add(visit));
        byPatient.forEach((patientId, missed) -> countAgainst(patientId, missed, today));
        return visits.size();
    }

    /** Adds the misses to the patient's count in the order the visits were due, one event per visit. */
    private void countAgainst(UUID patientId, List<MissedVisit> missed, LocalDate today) {
        knownPatients.ensureKnown(patientId); // the count needs a home even before the registration arrives
        Standing standing = standings.lockStanding(patientId);
        boolean wasLost = standing.lost();
        for (MissedVisit visit : missed.stream().sorted(Comparator.comparing(MissedVisit::dueOn).thenComparing(MissedVisit::visitId))
                .toList()) {
            standing = lostToFollowUp.afterMiss(standing, today);
            audit.record(patientId, "FOLLOW_UP_VISIT_MISSED", "follow-up visit " + visit.visitId());
            outbox.append(EventEnvelope.of(patientId, new FollowUpMissed(visit.visitId(), visit.planId(),
                    visit.procedureId(), patientId, visit.label(), visit.dueOn(), visit.windowEnd(),
                    standing.consecutiveMisses(), standing.lost()), calendar.now()));
        }
        standings.store(patientId, standing);
        if (standing.lost() && !wasLost) {
            audit.record(patientId, "PATIENT_LOST_TO_FOLLOW_UP", "follow-up standing");
        }
    }
}
