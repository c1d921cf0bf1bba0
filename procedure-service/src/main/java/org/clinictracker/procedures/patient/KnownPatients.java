package org.clinictracker.procedures.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.events.patients.PatientUpdated;
import org.clinictracker.platform.inbox.ProcessedEvents;
import org.clinictracker.procedures.patient.KnownPatient.LatestScreening;
import org.clinictracker.procedures.patient.KnownPatient.ModalityScreening;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patients procedure-service knows (table {@code known_patient}), kept from patient-service's events.
 * Each event is applied in one transaction with its {@code processed_event} row, so a redelivered event
 * id changes nothing. Events may also arrive out of order, so every write keeps the newer fact: the higher
 * chart version for demographics, the later screening (or a later override of the same screening).
 * <p>
 * A screening may arrive before the registration it belongs to; it then opens a row without
 * demographics, which {@link #find} does not report until the registration (or an update) arrives.
 * Consents (table {@code known_consent}) are kept per signed consent, whatever order they arrive in.
 */
@Repository
public class KnownPatients {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ProcessedEvents processedEvents;

    public KnownPatients(JdbcClient jdbc, JsonMapper json, Clock clock, ProcessedEvents processedEvents) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.processedEvents = processedEvents;
    }

    /** The patient, if patient-service's registration of it has reached this service. */
    @Transactional(readOnly = true)
    public Optional<KnownPatient> find(UUID patientId) {
        return jdbc.sql("""
                SELECT id, mrn, display_name, birth_date, sex, demographics_version, screening_id, screening_result,
                       screening_reason_codes, override_result, effective_screening_result, screened_at,
                       screening_modalities,
                       ARRAY(SELECT DISTINCT modality FROM known_consent c WHERE c.patient_id = known_patient.id) AS consents
                FROM known_patient WHERE id = ? AND mrn IS NOT NULL""")
                .param(patientId).query(this::mapRow).optional();
    }

    /** Applies a registration; false if this event id was applied before. */
    @Transactional
    public boolean registered(UUID eventId, PatientRegistered event) {
        if (!firstDelivery(eventId, "PatientRegistered")) {
            return false;
        }
        keepNewerDemographics(event.patientId(), event.mrn(), event.displayName(), event.birthDate(), event.sex(),
                event.version());
        return true;
    }

    /** Applies a demographics correction; false if this event id was applied before. */
    @Transactional
    public boolean updated(UUID eventId, PatientUpdated event) {
        if (!firstDelivery(eventId, "PatientUpdated")) {
            return false;
        }
        keepNewerDemographics(event.patientId(), event.mrn(), event.displayName(), event.birthDate(), event.sex(),
                event.version());
        return true;
    }

    /**
     * Applies a screening or an override of one; false if this event id was applied before.
     * {@code occurredAt} (the envelope's) orders several overrides of the same screening, which all
     * carry that screening's {@code screenedAt}.
     */
    @Transactional
    public boolean screened(UUID eventId, Instant occurredAt, PatientScreened event) {
        if (!firstDelivery(eventId, "PatientScreened")) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO known_patient (id, screening_id, screening_result, screening_reason_codes, override_result,
                                           effective_screening_result, screened_at, screening_event_at, updated_at,
                                           screening_modalities)
                VALUES (:id, :screeningId, :result, CAST(:reasonCodes AS jsonb), :overrideResult, :effectiveResult,
                        :screenedAt, :eventAt, :now, CAST(:modalities AS jsonb))
                ON CONFLICT (id) DO UPDATE SET
                    screening_id = EXCLUDED.screening_id, screening_result = EXCLUDED.screening_result,
                    screening_reason_codes = EXCLUDED.screening_reason_codes, override_result = EXCLUDED.override_result,
                    effective_screening_result = EXCLUDED.effective_screening_result,
                    screening_modalities = EXCLUDED.screening_modalities,
                    screened_at = EXCLUDED.screened_at, screening_event_at = EXCLUDED.screening_event_at,
                    updated_at = EXCLUDED.updated_at
                WHERE known_patient.screening_id IS NULL
                   OR EXCLUDED.screened_at > known_patient.screened_at
                   OR (EXCLUDED.screening_id = known_patient.screening_id
                       AND EXCLUDED.screening_event_at >= known_patient.screening_event_at)""")
                .param("id", event.patientId())
                .param("screeningId", event.screeningId())
                .param("result", event.result())
                .param("reasonCodes", json.writeValueAsString(event.reasonCodes()))
                .param("overrideResult", event.overrideResult())
                .param("effectiveResult", event.effectiveResult())
                .param("screenedAt", Timestamp.from(event.screenedAt()))
                .param("eventAt", Timestamp.from(occurredAt))
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("modalities", event.modalities() == null ? null
                        : json.writeValueAsString(event.modalities().stream().map(KnownPatients::modality).toList()))
                .update();
        return true;
    }

    /** Applies a signed consent; false if this event id was applied before. Consents are only ever added. */
    @Transactional
    public boolean consented(UUID eventId, ConsentRecorded event) {
        if (!firstDelivery(eventId, "ConsentRecorded")) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO known_consent (consent_id, patient_id, modality, signed_on, received_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (consent_id) DO NOTHING""")
                .param(event.consentId()).param(event.patientId()).param(event.procedure()).param(event.signedOn())
                .param(Timestamp.from(Instant.now(clock)))
                .update();
        return true;
    }

    private static ModalityScreening modality(PatientScreened.ModalityScreening published) {
        return new ModalityScreening(Modality.valueOf(published.modality()),
                ScreeningResult.valueOf(published.result()), published.reasonCodes(),
                published.overrideResult() == null ? null : ScreeningResult.valueOf(published.overrideResult()),
                ScreeningResult.valueOf(published.effectiveResult()));
    }

    /**
     * Records an event this service has no use for (a type newer than this code) as
     * processed, so the topic moves on; false if it was seen before.
     */
    @Transactional
    public boolean skipped(UUID eventId, String eventType) {
        return firstDelivery(eventId, eventType);
    }

    /** Claims the event id (the platform's processed_event); false if it is already there. */
    private boolean firstDelivery(UUID eventId, String eventType) {
        return processedEvents.firstDelivery(eventId, eventType);
    }

    private void keepNewerDemographics(UUID patientId, String mrn, String displayName, LocalDate birthDate, String sex,
            int version) {
        jdbc.sql("""
                INSERT INTO known_patient (id, mrn, display_name, birth_date, sex, demographics_version, updated_at)
                VALUES (:id, :mrn, :displayName, :birthDate, :sex, :version, :now)
                ON CONFLICT (id) DO UPDATE SET
                    mrn = EXCLUDED.mrn, display_name = EXCLUDED.display_name, birth_date = EXCLUDED.birth_date,
                    sex = EXCLUDED.sex, demographics_version = EXCLUDED.demographics_version,
                    updated_at = EXCLUDED.updated_at
                WHERE known_patient.demographics_version IS NULL
                   OR known_patient.demographics_version < EXCLUDED.demographics_version""")
                .param("id", patientId)
                .param("mrn", mrn)
                .param("displayName", displayName)
                .param("birthDate", birthDate)
                .param("sex", sex)
                .param("version", version)
                .param("now", Timestamp.from(Instant.now(clock)))
                .update();
    }

    private KnownPatient mapRow(ResultSet rs, int row) throws SQLException {
        UUID screeningId = rs.getObject("screening_id", UUID.class);
        LatestScreening screening = screeningId == null ? null : new LatestScreening(screeningId,
                result(rs.getString("screening_result")),
                json.readValue(rs.getString("screening_reason_codes"), new TypeReference<List<String>>() { }),
                result(rs.getString("override_result")), result(rs.getString("effective_screening_result")),
                rs.getTimestamp("screened_at").toInstant(), modalities(rs.getString("screening_modalities")));
        Set<Modality> consents = EnumSet.noneOf(Modality.class);
        for (String consent : (String[]) rs.getArray("consents").getArray()) {
            consents.add(Modality.valueOf(consent));
        }
        return new KnownPatient(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getString("display_name"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getInt("demographics_version"),
                screening, consents);
    }

    private List<ModalityScreening> modalities(String stored) {
        return stored == null ? List.of() : json.readValue(stored, new TypeReference<List<ModalityScreening>>() { });
    }

    private static ScreeningResult result(String value) {
        return value == null ? null : ScreeningResult.valueOf(value);
    }
}
