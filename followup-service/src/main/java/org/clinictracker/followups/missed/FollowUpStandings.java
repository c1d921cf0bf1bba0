package org.clinictracker.followups.missed;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.missed.LostToFollowUp.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of missed visits and of a patient's standing (misses in a row, lost to follow-up since), kept on the
 * patient replica's row ({@code known_patient}).
 */
@Repository
class FollowUpStandings {

    private final JdbcClient jdbc;

    FollowUpStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code batch} open visits past their last day, locked; ones another instance holds are skipped. */
    List<MissedVisit> lockPastLastDay(LocalDate today, int batch) {
        return jdbc.sql("""
                SELECT id, plan_id, procedure_id, patient_id, label, due_on, window_end FROM follow_up_visit
                WHERE state = 'OPEN' AND last_day < :today
                ORDER BY last_day LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("batch", batch)
                .query((rs, row) -> new MissedVisit(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("procedure_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("label"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("window_end", LocalDate.class)))
                .list();
    }

    void markMissed(List<MissedVisit> visits, LocalDate today) {
        jdbc.sql("""
                UPDATE follow_up_visit SET state = 'MISSED', missed_on = :today, version = version + 1
                WHERE id IN (:ids)""")
                .param("today", today).param("ids", visits.stream().map(MissedVisit::visitId).toList())
                .update();
    }

    /** The patient's standing, locked until the transaction ends (the row must exist). */
    Standing lockStanding(UUID patientId) {
        return jdbc.sql("""
                SELECT consecutive_misses, lost_to_follow_up_since FROM known_patient WHERE id = :id FOR UPDATE""")
                .param("id", patientId)
                .query((rs, row) -> new Standing(rs.getInt("consecutive_misses"),
                        rs.getObject("lost_to_follow_up_since", LocalDate.class)))
                .single();
    }

    void store(UUID patientId, Standing standing) {
        jdbc.sql("""
                UPDATE known_patient SET consecutive_misses = :misses, lost_to_follow_up_since = :lostSince
                WHERE id = :id""")
                .param("misses", standing.consecutiveMisses()).param("lostSince", standing.lostSince())
                .param("id", patientId).update();
    }

    /**
     * Clears the patient's misses and lost flag; true if they had been lost. The row is locked only when there is
     * something to clear (most outcomes leave it alone).
     */
    boolean followedAgain(UUID patientId) {
        return jdbc.sql("""
                UPDATE known_patient k SET consecutive_misses = 0, lost_to_follow_up_since = NULL
                FROM (SELECT id, lost_to_follow_up_since FROM known_patient
                      WHERE id = :patientId AND (consecutive_misses > 0 OR lost_to_follow_up_since IS NOT NULL)
                      FOR UPDATE) old_standing
                WHERE k.id = old_standing.id
                RETURNING old_standing.lost_to_follow_up_since IS NOT NULL""")
                .param("patientId", patientId).query(Boolean.class).optional().orElse(false);
    }

    record MissedVisit(UUID visitId, UUID planId, UUID procedureId, UUID patientId, String label, LocalDate dueOn,
            LocalDate windowEnd) {
    }
}
