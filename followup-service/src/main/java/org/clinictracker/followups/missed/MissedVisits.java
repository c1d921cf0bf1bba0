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
import org.clinictracker.followups.missed.LostToFollowUp.Standing;
import org.clinictracker.followups.patient.KnownPatients;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ClinicCalendar calendar;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final KnownPatients knownPatients;
    private final LostToFollowUp lostToFollowUp;
    private final int batchSize;

    MissedVisits(JdbcClient jdbc, TransactionTemplate transaction, ClinicCalendar calendar, EventOutbox outbox,
            AuditTrail audit, KnownPatients knownPatients,
            @Value("${clinic.followups.lost-after-misses:2}") int lostAfterMisses,
            @Value("${clinic.followups.missed.batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
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
        List<Missed> visits = jdbc.sql("""
                SELECT id, plan_id, procedure_id, patient_id, label, due_on, window_end FROM follow_up_visit
                WHERE state = 'OPEN' AND last_day < :today
                ORDER BY last_day LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("batch", batchSize)
                .query((rs, row) -> new Missed(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("procedure_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("label"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("window_end", LocalDate.class)))
                .list();
        if (visits.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                UPDATE follow_up_visit SET state = 'MISSED', missed_on = :today, version = version + 1
                WHERE id IN (:ids)""")
                .param("today", today).param("ids", visits.stream().map(Missed::visitId).toList())
                .update();
        Map<UUID, List<Missed>> byPatient = new TreeMap<>();
        visits.forEach(visit -> byPatient.computeIfAbsent(visit.patientId(), id -> new ArrayList<>()).add(visit));
        byPatient.forEach((patientId, missed) -> countAgainst(patientId, missed, today));
        return visits.size();
    }

    /** Adds the misses to the patient's count in the order the visits were due, one event per visit. */
    private void countAgainst(UUID patientId, List<Missed> missed, LocalDate today) {
        knownPatients.ensureKnown(patientId); // the count needs a home even before the registration arrives
        Standing standing = jdbc.sql("""
                SELECT consecutive_misses, lost_to_follow_up_since FROM known_patient WHERE id = :id FOR UPDATE""")
                .param("id", patientId)
                .query((rs, row) -> new Standing(rs.getInt("consecutive_misses"),
                        rs.getObject("lost_to_follow_up_since", LocalDate.class)))
                .single();
        boolean wasLost = standing.lost();
        for (Missed visit : missed.stream().sorted(Comparator.comparing(Missed::dueOn).thenComparing(Missed::visitId))
                .toList()) {
            standing = lostToFollowUp.afterMiss(standing, today);
            audit.record(patientId, "FOLLOW_UP_VISIT_MISSED", "follow-up visit " + visit.visitId());
            outbox.append(EventEnvelope.of(patientId, new FollowUpMissed(visit.visitId(), visit.planId(),
                    visit.procedureId(), patientId, visit.label(), visit.dueOn(), visit.windowEnd(),
                    standing.consecutiveMisses(), standing.lost()), calendar.now()));
        }
        jdbc.sql("""
                UPDATE known_patient SET consecutive_misses = :misses, lost_to_follow_up_since = :lostSince
                WHERE id = :id""")
                .param("misses", standing.consecutiveMisses()).param("lostSince", standing.lostSince())
                .param("id", patientId).update();
        if (standing.lost() && !wasLost) {
            audit.record(patientId, "PATIENT_LOST_TO_FOLLOW_UP", "follow-up standing");
        }
    }

    private record Missed(UUID visitId, UUID planId, UUID procedureId, UUID patientId, String label, LocalDate dueOn,
            LocalDate windowEnd) {
    }
}
