package org.clinictracker.patients.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.patients.patient.Patient;
import org.clinictracker.patients.patient.PatientRepository;
import org.clinictracker.patients.screening.ScreeningEvaluator.Assessment;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the front desk's screening answers with the rules' verdict, and a proceduralist's override of
 * it. Nothing is ever replaced: a new screening or override is added, and the history stays readable.
 */
@Service
public class CandidacyScreening {

    private final ScreeningRepository screenings;
    private final PatientRepository patients;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public CandidacyScreening(ScreeningRepository screenings, PatientRepository patients, AuditTrail audit,
            EventOutbox outbox, Clock clock) {
        this.screenings = screenings;
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Screening record(UUID patientId, ScreeningAnswers answers) {
        Patient patient = patients.findById(patientId).orElseThrow(() -> ProblemException.notFound("Patient", patientId));
        Assessment assessment = ScreeningEvaluator.evaluate(answers, patient.details().anticoagulated());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        screenings.insert(id, patientId, answers, assessment, now, Clinician.current().username());
        Screening screening = screenings.findByPatient(patientId).stream()
                .filter(candidate -> candidate.id().equals(id)).findFirst().orElseThrow();
        audit.record(patientId, "SCREENING_RECORDED", "screening " + id);
        outbox.append(screened(screening, now));
        return screening;
    }

    @Transactional
    public Screening override(UUID patientId, UUID screeningId, OverrideRequest request) {
        Screening screening = screenings.findByPatient(patientId).stream()
                .filter(candidate -> candidate.id().equals(screeningId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Screening", screeningId));
        Instant now = Instant.now(clock);
        screenings.insertOverride(screeningId, new Screening.Override(UUID.randomUUID(), request.resultOrDefault(),
                request.reason(), Clinician.current().username(), now));
        Screening overridden = screenings.findByPatient(patientId).stream()
                .filter(candidate -> candidate.id().equals(screening.id())).findFirst().orElseThrow();
        audit.record(patientId, "SCREENING_OVERRIDDEN", "screening " + screeningId);
        outbox.append(screened(overridden, now));
        return overridden;
    }

    /** Every screening of the patient, newest first. */
    @Transactional
    public List<Screening> history(UUID patientId) {
        if (patients.findById(patientId).isEmpty()) {
            throw ProblemException.notFound("Patient", patientId);
        }
        audit.record(patientId, "SCREENINGS_READ", "screening history");
        return screenings.findByPatient(patientId);
    }

    /** The screening that counts now; the caller audits the read of the chart it belongs to. */
    @Transactional(readOnly = true)
    public Optional<Screening> latest(UUID patientId) {
        return screenings.findLatest(patientId);
    }

    private static EventEnvelope<PatientScreened> screened(Screening screening, Instant at) {
        Screening.Override override = screening.override();
        return EventEnvelope.of(screening.patientId(), new PatientScreened(screening.patientId(), screening.id(),
                screening.result().name(), screening.reasons().stream().map(Screening.Reason::code).toList(),
                override == null ? null : override.result().name(), screening.effectiveResult().name(),
                screening.screenedAt()), at);
    }
}
