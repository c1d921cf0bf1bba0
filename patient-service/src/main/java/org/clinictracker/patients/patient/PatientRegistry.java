package org.clinictracker.patients.patient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.patients.patient.PatientRepository.SearchCriteria;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front desk's register of charts: opens a chart once per person, finds it again, corrects it
 * without overwriting someone else's correction. Every look and change is audited and every change
 * announced through the outbox, in the same transaction.
 */
@Service
public class PatientRegistry {

    private static final String NORMALIZED_TOO_LONG = "is too long once ligatures and special letters are spelled out "
            + "(at most " + NameNormalizer.MAX_NORMALIZED_LENGTH + " letters)";

    private final PatientRepository patients;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;
    private final String mrnPrefix;

    public PatientRegistry(PatientRepository patients, AuditTrail audit, EventOutbox outbox, Clock clock,
            @Value("${clinic.patients.mrn-prefix:CT}") String mrnPrefix) {
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.mrnPrefix = Mrn.requireValidPrefix(mrnPrefix); // fail at start-up, not at the first registration
    }

    @Transactional
    public Patient register(PatientDetails details) {
        checkIntakeRules(details);
        refusePossibleDuplicates(details, null);
        Instant now = Instant.now(clock);
        String clerk = Clinician.current().username();
        Patient patient = new Patient(UUID.randomUUID(), Mrn.format(mrnPrefix, patients.nextMrnNumber()), 0,
                details, now, clerk, now, clerk);
        patients.insert(patient);
        audit.record(patient.id(), "PATIENT_REGISTERED", "patient");
        outbox.append(PatientEvents.registered(patient, now));
        return patient;
    }

    @Transactional
    public Patient read(UUID id) {
        Patient patient = existing(id);
        audit.record(id, "PATIENT_READ", "patient");
        return patient;
    }

    @Transactional
    public PageOf<Patient> search(SearchCriteria criteria, PageRequest page) {
        List<Patient> found = patients.search(criteria, page);
        audit.recordAll(found.stream().map(Patient::id).toList(), "PATIENT_LISTED", "patient search");
        return PageOf.of(found, page, patients.count(criteria));
    }

    /** Applies a correction made on {@code expectedVersion}; refused with 412 if the chart moved on since. */
    @Transactional
    public Patient correct(UUID id, int expectedVersion, PatientDetails details) {
        checkIntakeRules(details);
        Patient current = existing(id);
        if (current.version() != expectedVersion) {
            throw ProblemException.staleVersion(expectedVersion, current.version());
        }
        refusePossibleDuplicates(details, id);
        Instant now = Instant.now(clock);
        Patient corrected = new Patient(id, current.mrn(), current.version() + 1, details, current.registeredAt(),
                current.registeredBy(), now, Clinician.current().username());
        if (!patients.update(corrected, expectedVersion)) {
            // Someone committed a correction between our read and our write.
            throw ProblemException.staleVersion(expectedVersion, existing(id).version());
        }
        audit.record(id, "PATIENT_UPDATED", "patient");
        outbox.append(PatientEvents.updated(corrected, now));
        return corrected;
    }

    Patient existing(UUID id) {
        return patients.findById(id).orElseThrow(() -> ProblemException.notFound("Patient", id));
    }

    /**
     * Same normalised name and birth date as another chart means probably the same person: refused
     * with the candidates unless the clerk confirmed each of them is someone else.
     */
    private void refusePossibleDuplicates(PatientDetails details, UUID self) {
        String key = NameNormalizer.duplicateKey(details.givenName(), details.familyName());
        patients.lockDuplicateKey(key, details.birthDate());
        var confirmedOthers = new HashSet<>(details.notDuplicateOf());
        List<Map<String, Object>> candidates = patients.findByDuplicateKey(key, details.birthDate()).stream()
                .filter(candidate -> !candidate.id().equals(self) && !confirmedOthers.contains(candidate.id()))
                .map(candidate -> Map.<String, Object>of("id", candidate.id(), "mrn", candidate.mrn()))
                .toList();
        if (!candidates.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "possible-duplicate", "Possible duplicate chart",
                    "A patient with the same name and date of birth is already registered. Open that chart, or "
                            + "confirm it is a different person by sending its id in notDuplicateOf.")
                    .with("candidates", candidates);
        }
    }

    private static void checkIntakeRules(PatientDetails details) {
        List<FieldError> tooLong = new ArrayList<>();
        if (!NameNormalizer.fitsOnceNormalized(details.givenName())) {
            tooLong.add(new FieldError("givenName", NORMALIZED_TOO_LONG));
        }
        if (!NameNormalizer.fitsOnceNormalized(details.familyName())) {
            tooLong.add(new FieldError("familyName", NORMALIZED_TOO_LONG));
        }
        if (!tooLong.isEmpty()) {
            throw ProblemException.invalidFields(tooLong);
        }
        if (details.birthDate().isBefore(PatientDetails.EARLIEST_BIRTH_DATE)) {
            throw ProblemException.invalidField("birthDate", "must be on or after " + PatientDetails.EARLIEST_BIRTH_DATE);
        }
        if (details.indication() != null && details.indication().lacksTextForOther()) {
            throw ProblemException.invalidField("indication.text", "must describe the indication when the code is OTHER");
        }
    }
}
