package org.clinictracker.testsupport;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks an event, as it travelled on Kafka, against the JSON Schema that event-contracts publishes
 * for its type ({@code schemas/<topic>/<type>.schema.json}); producers and consumers both test with it.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema violations of {@code json}, empty when it conforms. */
    public static List<String> violations(String topic, String type, String json) {
        List<Error> errors = schema(topic, type).validate(json, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    public static void assertConforms(String topic, String type, String json) {
        List<String> violations = violations(topic, type, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " does not match its schema: " + violations + "\n" + json);
        }
    }

    private static Schema schema(String topic, String type) {
        return SCHEMAS.computeIfAbsent(topic + "/" + type, key -> {
            String resource = "schemas/" + key + ".schema.json";
            InputStream stream = EventSchemas.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new AssertionError("No schema " + resource + " on the classpath");
            }
            return REGISTRY.getSchema(stream);
        });
    }
}
