package org.clinictracker.patients.patient;

import java.time.Instant;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientUpdated;

/** The minimum other services learn about a chart: no contact details, insurance or notes. */
final class PatientEvents {

    private PatientEvents() {
    }

    static EventEnvelope<PatientRegistered> registered(Patient patient, Instant at) {
        PatientDetails d = patient.details();
        return EventEnvelope.of(patient.id(), new PatientRegistered(patient.id(), patient.mrn(), patient.displayName(),
                d.birthDate(), d.sex().name(), indicationCode(d), patient.version(), d.baselinePainScore(),
                d.opioidMmePerDay()), at);
    }

    static EventEnvelope<PatientUpdated> updated(Patient patient, Instant at) {
        PatientDetails d = patient.details();
        return EventEnvelope.of(patient.id(), new PatientUpdated(patient.id(), patient.mrn(), patient.displayName(),
                d.birthDate(), d.sex().name(), indicationCode(d), patient.version(), d.baselinePainScore(),
                d.opioidMmePerDay()), at);
    }

    private static String indicationCode(PatientDetails details) {
        return details.indication() == null ? null : details.indication().code().name();
    }
}
