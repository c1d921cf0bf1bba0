package org.clinictracker.events.followups;

import org.clinictracker.events.ClinicEvent;
import org.clinictracker.events.Topics;

/** Events of followup-service, all on {@link Topics#FOLLOWUPS}, keyed by patient id. */
public sealed interface FollowUpEvent extends ClinicEvent permits FollowUpPlanCreated, FollowUpCompleted,
        FollowUpMissed, AdverseEventObserved, RepeatTreatmentRecommended, RepeatTreatmentResolved {

    @Override
    default String topic() {
        return Topics.FOLLOWUPS;
    }
}
