package org.clinictracker.events.procedures;

import org.clinictracker.events.ClinicEvent;
import org.clinictracker.events.Topics;

/** Events of procedure-service, all on {@link Topics#PROCEDURES}, keyed by patient id. */
public sealed interface ProcedureEvent extends ClinicEvent
        permits ProcedureRecorded, ProcedureAmended, AdverseEventReported, AdverseEventUpdated {

    @Override
    default String topic() {
        return Topics.PROCEDURES;
    }
}
