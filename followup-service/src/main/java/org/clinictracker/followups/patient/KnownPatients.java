package org.clinictracker.followups.patient;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientUpdated;
import org.clinictracker.platform.inbox.ProcessedEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients followup-service knows (table {@code known_patient}), kept from patient-service's events.
 * Each event is applied in one transaction with its {@code processed_event} row, so a redelivered event id
 * changes nothing; out of order, the higher chart version wins, and the version already held is applied again
 * (patient-service publishes its charts once more when the event gains a field: ChartRepublication). A row may already exist without
 * demographics (a procedure arrived first, or the worklist counted a miss): those columns are left alone.
 * The newer chart replaces every demographic column, the e-mail address too: an update without one (the front desk
 * removed it) clears it here, so no link goes to an address the patient no longer uses.
 */
@Repository
public class KnownPatients {

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;

    KnownPatients(JdbcClient jdbc, ProcessedEvents processedEvents) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
    }

    @Transactional(readOnly = true)
    public Optional<KnownPatient> find(UUID patientId) {
        return jdbc.sql("""
                SELECT id, mrn, display_name, baseline_pain_score, opioid_mme_per_day, demographics_version,
                       given_name, email
                FROM known_patient WHERE id = ?""")
                .param(patientId)
                .query((rs, row) -> new KnownPatient(rs.getObject("id", UUID.class), rs.getString("mrn"),
                        rs.getString("display_name"), rs.getObject("baseline_pain_score", Integer.class),
                        rs.getBigDecimal("opioid_mme_per_day"), rs.getObject("demographics_version", Integer.class),
                        rs.getString("given_name"), rs.getString("email")))
                .optional();
    }

    /** Makes sure the patient has a row (without demographics), for a procedure that came before the chart. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ensureKnown(UUID patientId) {
        jdbc.sql("INSERT INTO known_patient (id) VALUES (?) ON CONFLICT (id) DO NOTHING").param(patientId).update();
    }

    /** Applies a registration; false if this event id was applied before. */
    @Transactional
    public boolean registered(UUID eventId, PatientRegistered event) {
        if (!processedEvents.firstDelivery(eventId, "PatientRegistered")) {
            return false;
        }
        keepNewer(event.patientId(), event.mrn(), event.displayName(), event.baselinePainScore(), event.opioidMmePerDay(),
                event.givenName(), event.email(), event.version());
        return true;
    }

    /** Applies a correction of the chart; false if this event id was applied before. */
    @Transactional
    public boolean updated(UUID eventId, PatientUpdated event) {
        if (!processedEvents.firstDelivery(eventId, "PatientUpdated")) {
            return false;
        }
        keepNewer(event.patientId(), event.mrn(), event.displayName(), event.baselinePainScore(), event.opioidMmePerDay(),
                event.givenName(), event.email(), event.version());
        return true;
    }

    /** Claims an event this service has no use for, so the topic moves on; false if seen before. */
    @Transactional
    public boolean skipped(UUID eventId, String eventType) {
        return processedEvents.firstDelivery(eventId, eventType);
    }

    private void keepNewer(UUID patientId, String mrn, String displayName, Integer baselinePainScore,
            BigDecimal opioidMmePerDay, String givenName, String email, int version) {
        jdbc.sql("""
                INSERT INTO known_patient (id, mrn, display_name, baseline_pain_score, opioid_mme_per_day, given_name,
                                           email, demographics_version)
                VALUES (:id, :mrn, :displayName, :baseline, :opioid, :givenName, :email, :version)
                ON CONFLICT (id) DO UPDATE SET
                    mrn = EXCLUDED.mrn, display_name = EXCLUDED.display_name,
                    baseline_pain_score = EXCLUDED.baseline_pain_score,
                    opioid_mme_per_day = EXCLUDED.opioid_mme_per_day,
                    given_name = EXCLUDED.given_name, email = EXCLUDED.email,
                    demographics_version = EXCLUDED.demographics_version
                WHERE known_patient.demographics_version IS NULL
                   OR known_patient.demographics_version <= EXCLUDED.demographics_version""")
                .param("id", patientId)
                .param("mrn", mrn)
                .param("displayName", displayName)
                .param("baseline", baselinePainScore)
                .param("opioid", opioidMmePerDay)
                .param("givenName", givenName)
                .param("email", email)
                .param("version", version)
                .update();
    }
}
