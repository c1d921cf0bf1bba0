package org.clinictracker.events.patients;

import org.clinictracker.events.ClinicEvent;
import org.clinictracker.events.Topics;

/** Events of patient-service, all on {@link Topics#PATIENTS}. */
public sealed interface PatientEvent extends ClinicEvent
        permits PatientRegistered, PatientUpdated, PatientScreened, ConsentRecorded {

    @Override
    default String topic() {
        return Topics.PATIENTS;
    }
}
