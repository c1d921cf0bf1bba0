package org.clinictracker.procedures.patient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientEvent;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.events.patients.PatientUpdated;
import org.clinictracker.vocabulary.Modality;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a message of {@code clinic.patients.v1} into an event, or rejects it as
 * {@link MalformedPatientEvent}. Only the types this service uses are read in full; any other type
 * (one added after this version) comes back with its raw {@code data}, so it can be
 * skipped. Fields the contract may gain later are ignored rather than rejected.
 */
final class PatientEventReader {

    private static final Map<String, Class<? extends PatientEvent>> READ_TYPES = Map.of(
            "PatientRegistered", PatientRegistered.class,
            "PatientUpdated", PatientUpdated.class,
            "PatientScreened", PatientScreened.class,
            "ConsentRecorded", ConsentRecorded.class);
    private static final int MAX_MRN = 40;
    private static final int MAX_DISPLAY_NAME = 250;
    private static final int MAX_CODE = 60;

    private final ObjectReader tree;
    private final Map<String, ObjectReader> payloads;

    PatientEventReader(JsonMapper json) {
        this.tree = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.payloads = READ_TYPES.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                type -> json.readerFor(type.getValue()).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }

    /**
     * The event in {@code value}: its {@code data} is a {@link PatientEvent} for the types this service
     * reads, else the raw {@link JsonNode}.
     */
    EventEnvelope<?> read(String value) {
        if (value == null) {
            throw new MalformedPatientEvent("Record has no value");
        }
        JsonNode root = parse(value);
        UUID id = uuid(root, "id");
        String type = text(root, "type");
        Instant occurredAt = instant(root, "occurredAt");
        UUID subject = uuid(root, "subject");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedPatientEvent(type + " has no data object");
        }
        ObjectReader payload = payloads.get(type);
        if (payload == null) {
            return new EventEnvelope<>(id, type, occurredAt, subject, data);
        }
        PatientEvent event = validated(type, data, payload);
        if (!subject.equals(patientId(event))) {
            throw new MalformedPatientEvent(type + " subject differs from data.patientId");
        }
        return new EventEnvelope<>(id, type, occurredAt, subject, event);
    }

    private static UUID patientId(PatientEvent event) {
        if (event instanceof PatientRegistered registered) {
            return registered.patientId();
        }
        if (event instanceof PatientUpdated updated) {
            return updated.patientId();
        }
        if (event instanceof ConsentRecorded consent) {
            return consent.patientId();
        }
        return ((PatientScreened) event).patientId();
    }

    private JsonNode parse(String value) {
        JsonNode root;
        try {
            root = tree.readTree(value);
        } catch (JacksonException e) {
            // Jackson's own message may quote the payload (patient data): say only where it broke.
            TokenStreamLocation at = e.getLocation();
            throw new MalformedPatientEvent("Not JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPatientEvent("Not a JSON object");
        }
        return root;
    }

    private static PatientEvent validated(String type, JsonNode data, ObjectReader payload) {
        if (!(data.get("version") == null || data.get("version").isIntegralNumber())) {
            throw new MalformedPatientEvent(type + " data.version is not an integer");
        }
        PatientEvent event;
        try {
            event = payload.readValue(data);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            throw new MalformedPatientEvent(type + " data" + (field.isEmpty() ? "" : "." + field) + " has an invalid value");
        }
        if (event instanceof PatientRegistered e) {
            checkDemographics(type, data, e.patientId(), e.mrn(), e.displayName(), e.birthDate(), e.sex(), e.version());
        } else if (event instanceof PatientUpdated e) {
            checkDemographics(type, data, e.patientId(), e.mrn(), e.displayName(), e.birthDate(), e.sex(), e.version());
        } else if (event instanceof PatientScreened e) {
            checkScreening(type, e);
        } else if (event instanceof ConsentRecorded e) {
            require(e.patientId() != null, type, "patientId", "is missing");
            require(e.consentId() != null, type, "consentId", "is missing");
            modality(e.procedure(), type, "procedure");
            require(e.signedOn() != null, type, "signedOn", "is missing");
        }
        return event;
    }

    private static void checkDemographics(String type, JsonNode data, UUID patientId, String mrn, String displayName,
            Object birthDate, String sex, int version) {
        require(patientId != null, type, "patientId", "is missing");
        requireText(mrn, MAX_MRN, type, "mrn");
        requireText(displayName, MAX_DISPLAY_NAME, type, "displayName");
        require(birthDate != null, type, "birthDate", "is missing");
        requireText(sex, MAX_CODE, type, "sex");
        require(data.hasNonNull("version"), type, "version", "is missing");
        require(version >= 0, type, "version", "is negative");
    }

    private static void checkScreening(String type, PatientScreened e) {
        require(e.patientId() != null, type, "patientId", "is missing");
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
            throw new MalformedPatientEvent(type + " data." + field + " is not a modality");
        }
    }

    static ScreeningResult result(String value, String type, String field) {
        if (value == null) {
            return null;
        }
        try {
            return ScreeningResult.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedPatientEvent(type + " data." + field + " is not a screening result");
        }
    }

    private static void requireText(String value, int maxLength, String type, String field) {
        require(value != null && !value.isBlank(), type, field, "is missing or blank");
        require(value.length() <= maxLength, type, field, "is longer than " + maxLength);
    }

    private static void require(boolean condition, String type, String field, String problem) {
        if (!condition) {
            throw new MalformedPatientEvent(type + " data." + field + " " + problem);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new MalformedPatientEvent("Envelope " + field + " is missing or not a string");
        }
        return value.stringValue();
    }

    private static UUID uuid(JsonNode root, String field) {
        try {
            return UUID.fromString(text(root, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedPatientEvent("Envelope " + field + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode root, String field) {
        try {
            return OffsetDateTime.parse(text(root, field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedPatientEvent("Envelope " + field + " is not a date-time with offset");
        }
    }
}
