package org.clinictracker.patients.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.patients.patient.PatientRepository;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The patient's signed consents (table {@code consent}), kept as a history: a new consent never replaces an old one. */
@Service
public class ConsentRecords {

    private final JdbcClient jdbc;
    private final PatientRepository patients;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public ConsentRecords(JdbcClient jdbc, PatientRepository patients, AuditTrail audit, EventOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Consent record(UUID patientId, ConsentRequest request) {
        requirePatient(patientId);
        Instant now = Instant.now(clock);
        Consent consent = new Consent(UUID.randomUUID(), patientId, request.procedure(), request.signedOn(),
                request.witness(), request.formVersion(), Clinician.current().username(), now);
        jdbc.sql("""
                INSERT INTO consent (id, patient_id, procedure, signed_on, witness, form_version, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(consent.id()).param(patientId).param(consent.procedure().name()).param(consent.signedOn())
                .param(consent.witness()).param(consent.formVersion()).param(consent.recordedBy())
                .param(Timestamp.from(now))
                .update();
        audit.record(patientId, "CONSENT_RECORDED", "consent " + consent.id());
        outbox.append(EventEnvelope.of(patientId,
                new ConsentRecorded(patientId, consent.id(), consent.procedure().name(), consent.signedOn()), now));
        return consent;
    }

    /** Every consent of the patient, most recently signed first. */
    @Transactional
    public List<Consent> history(UUID patientId) {
        requirePatient(patientId);
        audit.record(patientId, "CONSENTS_READ", "consent history");
        return signedBy(patientId);
    }

    /** Every consent of the patient, most recently signed first; the caller audits the read (the record's export). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Consent> signedBy(UUID patientId) {
        return jdbc.sql("""
                SELECT id, patient_id, procedure, signed_on, witness, form_version, recorded_by, recorded_at
                FROM consent WHERE patient_id = ? ORDER BY signed_on DESC, recorded_at DESC""")
                .param(patientId)
                .query((rs, row) -> new Consent(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                        Modality.valueOf(rs.getString("procedure")), rs.getObject("signed_on", LocalDate.class),
                        rs.getString("witness"), rs.getString("form_version"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private void requirePatient(UUID patientId) {
        if (patients.findById(patientId).isEmpty()) {
            throw ProblemException.notFound("Patient", patientId);
        }
    }
}
