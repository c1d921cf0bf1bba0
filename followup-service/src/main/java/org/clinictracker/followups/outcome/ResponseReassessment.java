package org.clinictracker.followups.outcome;

import java.util.List;

import org.clinictracker.followups.outcome.ResponseAssessment.Measures;
import org.clinictracker.followups.outcome.ResponseAssessment.PlanResponse;
import org.clinictracker.followups.plan.PlanAmended;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Works a plan's response out again when its procedure is amended, from the outcomes already documented. */
@Component
class ResponseReassessment {

    private final OutcomeRepository outcomes;
    private final ApplicationEventPublisher events;

    ResponseReassessment(OutcomeRepository outcomes, ApplicationEventPublisher events) {
        this.outcomes = outcomes;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PlanAmended amended) {
        List<Measures> measures = outcomes.measures(amended.planId());
        if (measures.isEmpty()) {
            return; // nothing documented yet: no response to change
        }
        PlanResponse response = ResponseAssessment.assess(outcomes.baseline(amended.planId()), measures);
        outcomes.storeResponse(amended.planId(), response);
        events.publishEvent(new ResponseReassessed(amended.planId(), amended.patientId(), amended.procedureId()));
    }
}
