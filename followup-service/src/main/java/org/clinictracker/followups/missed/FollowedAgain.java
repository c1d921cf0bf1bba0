package org.clinictracker.followups.missed;

import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An outcome shows the patient is followed again: their misses in a row start from zero and they are no longer
 * lost to follow-up. Runs in the outcome's transaction, so the reset commits with the outcome or not at all.
 */
@Component
class FollowedAgain {

    private final JdbcClient jdbc;

    FollowedAgain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void outcomeRecorded(OutcomeRecorded outcome) {
        jdbc.sql("""
                UPDATE known_patient SET consecutive_misses = 0, lost_to_follow_up_since = NULL
                WHERE id = :patientId AND (consecutive_misses > 0 OR lost_to_follow_up_since IS NOT NULL)""")
                .param("patientId", outcome.patientId()).update();
    }
}
