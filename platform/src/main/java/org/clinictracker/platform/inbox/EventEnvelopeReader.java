package org.clinictracker.platform.inbox;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.clinictracker.events.ClinicEvent;
import org.clinictracker.events.EventEnvelope;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a consumed message into an {@link EventEnvelope}, or rejects it as {@link MalformedEvent}: the
 * envelope is strict ({@code id} and {@code subject} UUIDs, a non-blank {@code type}, {@code occurredAt} a
 * date-time with offset, {@code data} an object, nothing after it), and {@code subject} must be the payload's
 * {@link ClinicEvent#patientId()}. Only the payload types a consumer reads are typed; any other type (one
 * added after this version) comes back with its raw {@link JsonNode} data, so it can be skipped. Fields the
 * contract may gain later are ignored rather than rejected, but a primitive field (a version, a flag) must be
 * there with its JSON type: Jackson would otherwise read a missing one as 0 or false and a fraction or a
 * string as a number. Messages name the field, never its value (values are patient data).
 */
public final class EventEnvelopeReader {

    private final ObjectReader tree;
    private final Map<String, Payload> payloads;

    /** Reads {@code types} by their event type, their simple class name (as {@link EventEnvelope#of} names them). */
    public EventEnvelopeReader(JsonMapper json, Collection<Class<? extends ClinicEvent>> types) {
        this.tree = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.payloads = types.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName,
                type -> new Payload(type, json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))));
    }

    /** The event in {@code value}: its data is one of the types read, else the raw {@link JsonNode}. */
    public EventEnvelope<?> read(String value) {
        if (value == null) {
            throw new MalformedEvent("Record has no value");
        }
        JsonNode root = parse(value);
        UUID id = uuid(root, "id");
        String type = text(root, "type");
        Instant occurredAt = instant(root, "occurredAt");
        UUID subject = uuid(root, "subject");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEvent(type + " has no data object");
        }
        Payload payload = payloads.get(type);
        if (payload == null) {
            return new EventEnvelope<>(id, type, occurredAt, subject, data);
        }
        ClinicEvent event = payload.read(type, data);
        if (event.patientId() == null) {
            throw new MalformedEvent(type + " data.patientId is missing");
        }
        if (!subject.equals(event.patientId())) {
            throw new MalformedEvent(type + " subject differs from data.patientId");
        }
        return new EventEnvelope<>(id, type, occurredAt, subject, event);
    }

    private JsonNode parse(String value) {
        JsonNode root;
        try {
            root = tree.readTree(value);
        } catch (JacksonException e) {
            // Jackson's own message may quote the payload (patient data): say only where it broke
            TokenStreamLocation at = e.getLocation();
            throw new MalformedEvent("Not JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEvent("Not a JSON object");
        }
        return root;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new MalformedEvent("Envelope " + field + " is missing or not a string");
        }
        return value.stringValue();
    }

    private static UUID uuid(JsonNode root, String field) {
        try {
            return UUID.fromString(text(root, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("Envelope " + field + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode root, String field) {
        try {
            return OffsetDateTime.parse(text(root, field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("Envelope " + field + " is not a date-time with offset");
        }
    }

    /** One payload type: its reader and the JSON type each of its primitive fields must have. */
    private record Payload(ObjectReader reader, Map<String, Predicate<JsonNode>> primitives) {

        Payload(Class<? extends ClinicEvent> type, ObjectReader reader) {
            this(reader, primitives(type));
        }

        ClinicEvent read(String type, JsonNode data) {
            primitives.forEach((field, hasType) -> {
                JsonNode value = data.get(field);
                if (value == null || !hasType.test(value)) {
                    throw new MalformedEvent(type + " data." + field + " is missing or of the wrong JSON type");
                }
            });
            try {
                return reader.readValue(data);
            } catch (JacksonException e) {
                String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                        .filter(Objects::nonNull).collect(Collectors.joining("."));
                throw new MalformedEvent(type + " data" + (field.isEmpty() ? "" : "." + field) + " has an invalid value");
            }
        }

        private static Map<String, Predicate<JsonNode>> primitives(Class<?> type) {
            if (!type.isRecord()) {
                return Map.of();
            }
            Map<String, Predicate<JsonNode>> primitives = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Class<?> javaType = component.getType();
                if (javaType == boolean.class) {
                    primitives.put(component.getName(), JsonNode::isBoolean);
                } else if (javaType == double.class || javaType == float.class) {
                    primitives.put(component.getName(), JsonNode::isNumber);
                } else if (javaType.isPrimitive()) {
                    primitives.put(component.getName(), JsonNode::isIntegralNumber);
                }
            }
            return Collections.unmodifiableMap(primitives);
        }
    }
}
