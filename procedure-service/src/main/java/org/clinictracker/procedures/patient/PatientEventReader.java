package org.clinictracker.procedures.patient;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientEvent;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.events.patients.PatientUpdated;
import org.clinictracker.platform.inbox.EventEnvelopeReader;
import org.clinictracker.platform.inbox.MalformedEvent;
import org.clinictracker.vocabulary.Modality;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message of {@code clinic.patients.v1} with the platform's {@link EventEnvelopeReader} (envelope,
 * typed payload, subject) and then checks what the replica needs of the types this service reads: ids and
 * codes present, text within the replica's columns, screening verdicts that agree with themselves. A
 * message that fails throws {@link MalformedEvent}; other types come back raw, to be skipped.
 */
final class PatientEventReader {

    private static final int MAX_MRN = 40;
    private static final int MAX_DISPLAY_NAME = 250;
    private static final int MAX_CODE = 60;

    private final EventEnvelopeReader envelopes;

    PatientEventReader(JsonMapper json) {
        this.envelopes = new EventEnvelopeReader(json, List.of(PatientRegistered.class, PatientUpdated.class,
                PatientScreened.class, ConsentRecorded.class));
    }

    /**
     * The event in {@code value}: its {@code data} is a {@link PatientEvent} for the types this service
     * reads, else the raw {@code JsonNode}.
     */
    EventEnvelope<?> read(String value) {
        EventEnvelope<?> event = envelopes.read(value);
        String type = event.type();
        if (event.data() instanceof PatientRegistered e) {
            checkDemographics(type, e.mrn(), e.displayName(), e.birthDate(), e.sex(), e.version());
        } else if (event.data() instanceof PatientUpdated e) {
            checkDemographics(type, e.mrn(), e.displayName(), e.birthDate(), e.sex(), e.version());
        } else if (event.data() instanceof PatientScreened e) {
            checkScreening(type, e);
        } else if (event.data() instanceof ConsentRecorded e) {
            require(e.consentId() != null, type, "consentId", "is missing");
            modality(e.procedure(), type, "procedure");
            require(e.signedOn() != null, type, "signedOn", "is missing");
        }
        return event;
    }

    private static void checkDemographics(String type, String mrn, String displayName, Object birthDate, String sex,
            int version) {
        requireText(mrn, MAX_MRN, type, "mrn");
        requireText(displayName, MAX_DISPLAY_NAME, type, "displayName");
        require(birthDate != null, type, "birthDate", "is missing");
        requireText(sex, MAX_CODE, type, "sex");
        require(version >= 0, type, "version", "is negative");
    }

    private static void checkScreening(String type, PatientScreened e) {
        require(e.screeningId() != null, type, "screeningId", "is missing");
        ScreeningResult result = result(e.result(), type, "result");
        require(result != null, type, "result", "is missing");
        ScreeningResult override = result(e.overrideResult(), type, "overrideResult");
        ScreeningResult effective = result(e.effectiveResult(), type, "effectiveResult");
        // effectiveResult decides whether a procedure may be recorded: a contradictory one is not guessed at
        require(effective == (override != null ? override : result), type, "effectiveResult",
                "contradicts result and overrideResult");
        require(e.reasonCodes() != null, type, "reasonCodes", "is missing");
        e.reasonCodes().forEach(code -> requireText(code, MAX_CODE, type, "reasonCodes"));
        require(e.screenedAt() != null, type, "screenedAt", "is missing");
        if (e.modalities() != null) { // absent in events published before screenings followed the modality
            checkModalities(type, e.modalities());
        }
    }

    /** Each modality once, each verdict consistent: it decides whether a procedure may be recorded. */
    private static void checkModalities(String type, List<PatientScreened.ModalityScreening> modalities) {
        Set<Modality> seen = EnumSet.noneOf(Modality.class);
        for (PatientScreened.ModalityScreening m : modalities) {
            require(m != null, type, "modalities", "has an empty entry");
            require(seen.add(modality(m.modality(), type, "modalities.modality")), type, "modalities",
                    "names a modality twice");
            ScreeningResult result = result(m.result(), type, "modalities.result");
            require(result != null, type, "modalities.result", "is missing");
            ScreeningResult override = result(m.overrideResult(), type, "modalities.overrideResult");
            ScreeningResult effective = result(m.effectiveResult(), type, "modalities.effectiveResult");
            require(effective == (override != null ? override : result), type, "modalities.effectiveResult",
                    "contradicts result and overrideResult");
            require(m.reasonCodes() != null, type, "modalities.reasonCodes", "is missing");
            m.reasonCodes().forEach(code -> requireText(code, MAX_CODE, type, "modalities.reasonCodes"));
        }
    }

    private static Modality modality(String value, String type, String field) {
        require(value != null, type, field, "is missing");
        try {
            return Modality.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(type + " data." + field + " is not a modality");
        }
    }

    static ScreeningResult result(String value, String type, String field) {
        if (value == null) {
            return null;
        }
        try {
            return ScreeningResult.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(type + " data." + field + " is not a screening result");
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
