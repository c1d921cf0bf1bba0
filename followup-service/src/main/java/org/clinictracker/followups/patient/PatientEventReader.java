package org.clinictracker.followups.patient;

import java.math.BigDecimal;
import java.util.List;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientUpdated;
import org.clinictracker.platform.inbox.EventEnvelopeReader;
import org.clinictracker.platform.inbox.MalformedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message of {@code clinic.patients.v1} with the platform's {@link EventEnvelopeReader} and checks
 * what the replica keeps of a registration or an update: MRN and display name present and within the
 * columns' sense, a baseline pain score on the 0–10 scale, an opioid use that is not negative, a first name and an
 * e-mail address (both optional) that fit what patient-service accepts. A message that fails throws
 * {@link MalformedEvent}; the other patient event types come back raw, to be skipped.
 */
final class PatientEventReader {

    private static final int MAX_MRN = 40;
    private static final int MAX_DISPLAY_NAME = 250;
    private static final int MAX_GIVEN_NAME = 100;
    // RFC 5321's limit on a forward path, and patient-service's column
    private static final int MAX_EMAIL = 254;

    private final EventEnvelopeReader envelopes;

    PatientEventReader(JsonMapper json) {
        this.envelopes = new EventEnvelopeReader(json, List.of(PatientRegistered.class, PatientUpdated.class));
    }

    EventEnvelope<?> read(String value) {
        EventEnvelope<?> event = envelopes.read(value);
        if (event.data() instanceof PatientRegistered e) {
            check(event.type(), e.mrn(), e.displayName(), e.version(), e.baselinePainScore(), e.opioidMmePerDay());
            checkContact(event.type(), e.givenName(), e.email());
        } else if (event.data() instanceof PatientUpdated e) {
            check(event.type(), e.mrn(), e.displayName(), e.version(), e.baselinePainScore(), e.opioidMmePerDay());
            checkContact(event.type(), e.givenName(), e.email());
        }
        return event;
    }

    private static void check(String type, String mrn, String displayName, int version, Integer baselinePainScore,
            BigDecimal opioidMmePerDay) {
        requireText(mrn, MAX_MRN, type, "mrn");
        requireText(displayName, MAX_DISPLAY_NAME, type, "displayName");
        require(version >= 0, type, "version", "is negative");
        // responders are measured against it: a score off the scale is not guessed at
        require(baselinePainScore == null || (baselinePainScore >= 0 && baselinePainScore <= 10), type,
                "baselinePainScore", "is not between 0 and 10");
        // the column refuses it too, but as a database error that would be retried forever rather than parked
        require(opioidMmePerDay == null || opioidMmePerDay.signum() >= 0, type, "opioidMmePerDay", "is negative");
    }

    /**
     * Both may be absent (an event older than them, a chart without an e-mail address); present, the name is shown to
     * whoever holds the patient's link and the address is where that link goes, so neither is kept half-right.
     */
    private static void checkContact(String type, String givenName, String email) {
        if (givenName != null) {
            requireText(givenName, MAX_GIVEN_NAME, type, "givenName");
        }
        if (email != null) {
            requireText(email, MAX_EMAIL, type, "email");
            int at = email.indexOf('@');
            require(at > 0 && at < email.length() - 1, type, "email", "is not an e-mail address");
        }
    }

    private static void requireText(String value, int maxLength, String type, String field) {
        require(value != null && !value.isBlank(), type, field, "is missing or blank");
        require(value.length() <= maxLength, type, field, "is longer than " + maxLength);
    }

    private static void require(boolean condition, String type, String field, String problem) {
        if (!condition) {
            throw new MalformedEvent(type + " data." + field + " " + problem);
        }
    }
}
