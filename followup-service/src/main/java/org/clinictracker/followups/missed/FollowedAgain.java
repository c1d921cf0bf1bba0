package org.clinictracker.followups.missed;

import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An outcome shows the patient is followed again: their misses in a row start from zero and they are no longer
 * lost to follow-up. Runs in the outcome's transaction, so the reset commits with the outcome or not at all; the
 * patient's row is locked only when there is something to reset (most outcomes leave it alone).
 */
@Component
class FollowedAgain {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    FollowedAgain(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void outcomeRecorded(OutcomeRecorded outcome) {
        boolean wasLost = jdbc.sql("""
                UPDATE known_patient k SET consecutive_misses = 0, lost_to_follow_up_since = NULL
                FROM (SELECT id, lost_to_follow_up_since FROM known_patient
                      WHERE id = :patientId AND (consecutive_misses > 0 OR lost_to_follow_up_since IS NOT NULL)
                      FOR UPDATE) old_standing
                WHERE k.id = old_standing.id
                RETURNING old_standing.lost_to_follow_up_since IS NOT NULL""")
                .param("patientId", outcome.patientId()).query(Boolean.class).optional().orElse(false);
        if (wasLost) {
            audit.record(outcome.patientId(), "PATIENT_FOLLOWED_AGAIN", "follow-up standing");
        }
    }
}
