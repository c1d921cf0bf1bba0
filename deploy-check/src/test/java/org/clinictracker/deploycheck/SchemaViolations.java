package org.clinictracker.deploycheck;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/** A vendored JSON Schema (test resources, {@code schemas/}) and what a document breaks of it. */
final class SchemaViolations {

    /** One registry: a schema file used for several definitions is read once. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final Schema schema;

    private SchemaViolations(Schema schema) {
        this.schema = schema;
    }

    /**
     * Loads {@code schemas/<resource>} from the test classpath (its relative {@code $id} and {@code $ref}s resolve
     * there: nothing is fetched), by default as a draft-07 schema.
     */
    static SchemaViolations of(String resource) {
        if (SchemaViolations.class.getResource("/schemas/" + resource) == null) {
            throw new IllegalStateException("No schema schemas/" + resource + " on the test classpath");
        }
        return new SchemaViolations(REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + resource)));
    }

    /** The definition {@code #/definitions/<name>} of a schema file, e.g. one Kubernetes kind of the vendored API. */
    static SchemaViolations of(String resource, String definition) {
        return new SchemaViolations(REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + resource + "#/definitions/" + definition)));
    }

    List<String> of(JsonNode document) {
        return schema.validate(document, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
