package org.clinictracker.patients.patient;

import java.time.Instant;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientUpdated;

/**
 * The minimum other services learn about a chart: no address, phone, insurance or notes. The first name and the
 * e-mail address travel because followup-service sends the patient a link to answer a visit's questions and greets
 * them by that name (issue 12); nothing else of the contact details does.
 */
final class PatientEvents {

    private PatientEvents() {
    }

    static EventEnvelope<PatientRegistered> registered(Patient patient, Instant at) {
        PatientDetails d = patient.details();
        return EventEnvelope.of(patient.id(), new PatientRegistered(patient.id(), patient.mrn(), patient.displayName(),
                d.birthDate(), d.sex().name(), indicationCode(d), patient.version(), d.baselinePainScore(),
                d.opioidMmePerDay(), d.givenName(), email(d)), at);
    }

    static EventEnvelope<PatientUpdated> updated(Patient patient, Instant at) {
        PatientDetails d = patient.details();
        return EventEnvelope.of(patient.id(), new PatientUpdated(patient.id(), patient.mrn(), patient.displayName(),
                d.birthDate(), d.sex().name(), indicationCode(d), patient.version(), d.baselinePainScore(),
                d.opioidMmePerDay(), d.givenName(), email(d)), at);
    }

    /** A blank address (which {@code @Email} lets through) is no address. */
    private static String email(PatientDetails details) {
        return details.email() == null || details.email().isBlank() ? null : details.email().strip();
    }

    private static String indicationCode(PatientDetails details) {
        return details.indication() == null ? null : details.indication().code().name();
    }
}
