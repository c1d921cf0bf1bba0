package org.clinictracker.followups.missed;

import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An outcome shows the patient is followed again: their misses in a row start from zero and they are no longer
 * lost to follow-up. Runs in the outcome's transaction, so the reset commits with the outcome or not at all.
 */
@Component
class FollowedAgain {

    private final FollowUpStandings standings;
    private final AuditTrail audit;

    FollowedAgain(FollowUpStandings standings, AuditTrail audit) {
        this.standings = standings;
        this.audit = audit;
    }

    @EventListener
    void outcomeRecorded(OutcomeRecorded outcome) {
        boolean wasLost = standings.followedAgain(outcome.patientId());
        if (wasLost) {
            audit.record(outcome.patientId(), "PATIENT_FOLLOWED_AGAIN", "follow-up standing");
        }
    }
}
