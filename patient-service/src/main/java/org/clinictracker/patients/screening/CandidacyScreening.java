package org.clinictracker.patients.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.patients.patient.Patient;
import org.clinictracker.patients.patient.PatientRepository;
import org.clinictracker.patients.screening.ScreeningEvaluator.Assessment;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.clinictracker.vocabulary.Modality;
import org.springframework.http.HttpStatus;
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
        screenings.lockPatient(patientId);
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

    /**
     * A proceduralist's decision on the patient's latest screening (an older one no longer decides
     * anything, so overriding it is refused). When the rules found differently for different modalities,
     * the override must name the modalities it decides for.
     */
    @Transactional
    public Screening override(UUID patientId, UUID screeningId, OverrideRequest request) {
        screenings.lockPatient(patientId);
        List<Screening> history = screenings.findByPatient(patientId);
        Screening screening = history.stream()
                .filter(candidate -> candidate.id().equals(screeningId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Screening", screeningId));
        Screening latest = history.get(0);
        if (!latest.id().equals(screeningId)) {
            throw new ProblemException(HttpStatus.CONFLICT, "screening-not-latest", "Screening superseded",
                    "Screening " + screeningId + " is no longer the patient's latest; the screening of "
                            + latest.screenedAt() + " decides now. Override that one if it needs a decision.")
                    .with("latestScreeningId", latest.id());
        }
        List<Modality> modalities = request.modalitiesOrNone();
        if (modalities.isEmpty() && screening.modalitySpecific()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "override-modality-required",
                    "Say which modality the override is for",
                    "The screening found differently for different modalities ("
                            + screening.modalities().stream().map(m -> m.modality() + ": " + m.result())
                                    .collect(Collectors.joining(", "))
                            + "); name the modalities this override decides for in 'modalities'.")
                    .with("errors", List.of(new FieldError("modalities",
                            "is required: the screening's result depends on the modality")));
        }
        Instant now = Instant.now(clock);
        screenings.insertOverride(screeningId, new Screening.Override(UUID.randomUUID(), request.resultOrDefault(),
                request.reason(), Clinician.current().username(), now, modalities));
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
        // the headline's fields describe the headline modality, its override included; modalities say the rest
        Screening.Override override = screening.headlineOverride();
        return EventEnvelope.of(screening.patientId(), new PatientScreened(screening.patientId(), screening.id(),
                screening.result().name(), screening.reasons().stream().map(Screening.Reason::code).toList(),
                override == null ? null : override.result().name(), screening.effectiveResult().name(),
                screening.screenedAt(), screening.modalities().stream().map(CandidacyScreening::published).toList()), at);
    }

    private static PatientScreened.ModalityScreening published(Screening.ModalityScreening modality) {
        Screening.Override override = modality.override();
        return new PatientScreened.ModalityScreening(modality.modality().name(), modality.result().name(),
                modality.reasons().stream().map(Screening.Reason::code).toList(),
                override == null ? null : override.id(), override == null ? null : override.result().name(),
                modality.effectiveResult().name());
    }
}
